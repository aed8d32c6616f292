package org.wso2.carbon.is.migration.sync;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.wso2.carbon.is.migration.api.Dialect;
import org.wso2.carbon.is.migration.api.ErrorCode;
import org.wso2.carbon.is.migration.api.MigrationException;

/**
 * H2 served by an H2 server ({@code jdbc:h2:tcp:} or {@code ssl:}), which the old server and the tool both reach as
 * clients. One trigger per table, {@link H2JournalTrigger}, runs inside that server, which loads it from this jar.
 * H2 runs a foreign key's ON DELETE action as a DELETE statement of its own, which fires the child's triggers, so
 * cascaded rows are journalled like any other.
 */
final class H2SyncDdl extends SyncDdl {

    H2SyncDdl() {
        super(Dialect.H2);
    }

    @Override
    Map<String, String> variables(SyncedTable table) {
        Map<String, String> variables = super.variables(table);
        variables.put("triggerClass", H2JournalTrigger.class.getName());
        return variables;
    }

    /**
     * Only a database an H2 server serves: an embedded one (also one opened with {@code AUTO_SERVER=TRUE}) is served
     * by the process that opened it first, the old server, whose H2 engine would have to load the trigger class
     * from this jar; the Identity Server's OSGi class loading gives no way to prove that it can, here or at an
     * operator's site. An in-memory database no other process sees at all.
     */
    @Override
    void checkReachableBesideTheOldServer(Connection source) throws SQLException, MigrationException {
        String url = source.getMetaData().getURL();
        String upper = url.toUpperCase(Locale.ROOT);
        if (!upper.startsWith("JDBC:H2:TCP:") && !upper.startsWith("JDBC:H2:SSL:")) {
            throw new MigrationException(ErrorCode.BAD_CONFIGURATION, "The source database " + url + " is not"
                    + " served by an H2 server, so the sync tool cannot journal it beside the old server: an embedded"
                    + " H2 database (also one opened with AUTO_SERVER=TRUE) runs its triggers inside the old server."
                    + " Serve the database files from an H2 server with this jar on its class path (java -cp"
                    + " <h2 jar>:<this jar> org.h2.tools.Server -tcp), point the old server's database URL and"
                    + " sync.properties at jdbc:h2:tcp://<host>:<port>/<database>, and restart the old server once."
                    + " Otherwise stop the old server and migrate a copy taken then instead.");
        }
    }

    /** H2 says only that the class is not found, and the operator must know where it has to be. */
    @Override
    String failureHint(String message) {
        if (!message.contains(H2JournalTrigger.class.getName())) {
            return "";
        }
        return "\nOn H2 the engine that serves the database runs the trigger: " + H2JournalTrigger.class.getName()
                + " (in this jar) must be on that engine's class path.";
    }

    @Override
    public List<String> leftovers(Connection connection) throws SQLException {
        return informationSchemaLeftovers(connection, "SCHEMA()");
    }
}
