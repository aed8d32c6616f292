package org.wso2.carbon.is.migration.api;

/**
 * The database engines the Identity Server supports, named as their script files are: a plain value. What the tool
 * itself knows of each engine (how its scripts are split, how it limits a query, where it keeps row estimates, ...)
 * is the bundle's private {@code database.DatabaseEngine}; everything else engine-specific lives in the scripts under
 * {@code migration-resources}.
 */
public enum Dialect {
    H2("h2"),
    MYSQL("mysql"),
    MARIADB("mariadb"),
    POSTGRESQL("postgresql"),
    ORACLE("oracle"),
    MSSQL("mssql"),
    DB2("db2");

    private final String scriptName;

    Dialect(String scriptName) {
        this.scriptName = scriptName;
    }

    /** The file name stem of this dialect's scripts: {@code <location>/<schema>/<scriptName>.sql}. */
    public String scriptName() {
        return scriptName;
    }

    public String scriptFileName() {
        return scriptName + ".sql";
    }
}
