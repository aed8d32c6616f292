package org.wso2.carbon.is.migration.watch;

import java.sql.SQLException;

/** Whether a database server still answers, asked on a connection of its own; throws when it does not. */
@FunctionalInterface
public interface ServerCheck {
    void check() throws SQLException;
}
