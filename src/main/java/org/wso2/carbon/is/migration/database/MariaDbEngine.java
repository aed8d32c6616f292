package org.wso2.carbon.is.migration.database;

import org.wso2.carbon.is.migration.api.Dialect;

/** MariaDB: a dialect of its own for its scripts and its own JDBC driver, otherwise what {@link MySqlEngine} says. */
final class MariaDbEngine extends MySqlEngine {

    MariaDbEngine() {
        super(Dialect.MARIADB, "org.mariadb.jdbc.Driver", "jdbc:mariadb://{hostname}:{port}/{name}");
    }
}
