package org.wso2.carbon.is.migration.database;

import org.wso2.carbon.is.migration.api.Dialect;

/** MariaDB: a dialect of its own for its scripts, otherwise what {@link MySqlEngine} says. */
final class MariaDbEngine extends MySqlEngine {

    MariaDbEngine() {
        super(Dialect.MARIADB);
    }
}
