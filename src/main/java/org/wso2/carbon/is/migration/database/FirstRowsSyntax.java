package org.wso2.carbon.is.migration.database;

import org.wso2.carbon.is.migration.api.Dialect;

/**
 * How each engine says "the first n rows of this ordered query": the one place where the chunked walks differ by
 * dialect. {@code LIMIT n} (H2, MySQL, MariaDB, PostgreSQL), {@code FETCH FIRST n ROWS ONLY} (Oracle 12c and later,
 * DB2), {@code TOP n} (MSSQL). Each form is allowed inside a derived table on its engine, which is how
 * {@link KeyOrderSlicer} uses it.
 */
public enum FirstRowsSyntax {
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

    public static FirstRowsSyntax of(Dialect dialect) {
        switch (dialect) {
            case H2:
            case MYSQL:
            case MARIADB:
            case POSTGRESQL:
                return LIMIT;
            case ORACLE:
            case DB2:
                return FETCH_FIRST;
            case MSSQL:
                return TOP;
            default:
                throw new AssertionError(dialect);
        }
    }
}
