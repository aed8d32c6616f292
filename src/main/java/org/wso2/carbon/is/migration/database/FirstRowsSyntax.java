package org.wso2.carbon.is.migration.database;

/**
 * The ways engines say "the first n rows of this ordered query": {@code LIMIT n} (H2, MySQL, MariaDB, PostgreSQL),
 * {@code FETCH FIRST n ROWS ONLY} (Oracle 12c and later, DB2), {@code TOP n} (MSSQL); each engine picks its own
 * ({@link DatabaseEngine#firstRows}). Each form is allowed inside a derived table on its engine, which is how
 * {@code chunk.KeyOrderSlicer} uses it.
 */
enum FirstRowsSyntax {
    LIMIT {
        @Override
        public String firstRows(String column, String from, String where, String orderBy, int rows) {
            return "SELECT " + column + " FROM " + from + " WHERE " + where + " ORDER BY " + orderBy + " LIMIT " + rows;
        }
    },
    FETCH_FIRST {
        @Override
        public String firstRows(String column, String from, String where, String orderBy, int rows) {
            return "SELECT " + column + " FROM " + from + " WHERE " + where + " ORDER BY " + orderBy
                    + " FETCH FIRST " + rows + " ROWS ONLY";
        }
    },
    TOP {
        @Override
        public String firstRows(String column, String from, String where, String orderBy, int rows) {
            return "SELECT TOP " + rows + " " + column + " FROM " + from + " WHERE " + where + " ORDER BY " + orderBy;
        }
    };

    /** {@code SELECT column FROM from WHERE where ORDER BY orderBy}, limited to the first {@code rows} rows. */
    public abstract String firstRows(String column, String from, String where, String orderBy, int rows);
}
