package org.wso2.carbon.is.migration.database;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;

import org.wso2.carbon.is.migration.api.Dialect;

/** Tells the dialect from what the JDBC driver says of the database it is connected to. */
public final class DialectDetector {

    private DialectDetector() {
    }

    public static Dialect detect(DatabaseMetaData metaData) throws SQLException {
        return detect(metaData.getDatabaseProductName(), metaData.getDatabaseProductVersion());
    }

    /**
     * MariaDB reached through a MySQL driver reports "MySQL" with "MariaDB" in the version; DB2 reports platform
     * suffixes ("DB2/LINUXX8664"); SQL Server reports "Microsoft SQL Server".
     */
    public static Dialect detect(String productName, String productVersion) throws SQLException {
        String name = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
        String version = productVersion == null ? "" : productVersion.toLowerCase(Locale.ROOT);
        if (name.contains("mariadb") || (name.contains("mysql") && version.contains("mariadb"))) {
            return Dialect.MARIADB;
        }
        if (name.contains("mysql")) {
            return Dialect.MYSQL;
        }
        if (name.equals("h2")) {
            return Dialect.H2;
        }
        if (name.contains("postgresql")) {
            return Dialect.POSTGRESQL;
        }
        if (name.contains("oracle")) {
            return Dialect.ORACLE;
        }
        if (name.contains("microsoft sql server")) {
            return Dialect.MSSQL;
        }
        if (name.startsWith("db2")) {
            return Dialect.DB2;
        }
        throw new SQLException("Unsupported database '" + productName + "' (" + productVersion + "): the migration "
                + "supports H2, MySQL, MariaDB, PostgreSQL, Oracle, Microsoft SQL Server and DB2");
    }
}
