package org.wso2.carbon.is.migration.migrator.oauth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.wso2.carbon.is.migration.api.StepProgress;
import org.wso2.carbon.is.migration.chunk.ChunkRange;
import org.wso2.carbon.is.migration.chunk.ChunkSizer;
import org.wso2.carbon.is.migration.chunk.TableSlicer;
import org.wso2.carbon.is.migration.chunk.TableWalker;
import org.wso2.carbon.is.migration.database.DatabaseEngine;
import org.wso2.carbon.is.migration.migrator.StepChunkProgress;

/**
 * The opt-in purge before the IDP_ID backfill (parameter {@code purgeInactiveTokens: true}; off by default): deletes
 * the access tokens and authorization codes the server has already marked as no longer usable, which the migration
 * guide and operators otherwise delete by hand before migrating. Their token-scope rows go with them (the foreign key
 * from IDN_OAUTH2_ACCESS_TOKEN_SCOPE cascades in every release schema). The token-audit table, a record of what was
 * revoked, is left alone.
 *
 * <ul>
 * <li>IDN_OAUTH2_ACCESS_TOKEN: TOKEN_STATE EXPIRED, REVOKED or INACTIVE;</li>
 * <li>IDN_OAUTH2_AUTHORIZATION_CODE: STATE EXPIRED, REVOKED or INACTIVE.</li>
 * </ul>
 * ACTIVE rows whose validity has run out but which the server has not marked yet are kept: telling them apart needs
 * the server's clock and each application's settings. The purge walks each table in chunks like the
 * backfill, committed and checkpointed under {@code purge:<table>}, so a crash in the middle resumes after the last
 * deleted chunk.
 */
final class InactiveTokenPurge {

    static final String PARAMETER = "purgeInactiveTokens";
    static final List<String> STATES = Collections.unmodifiableList(Arrays.asList("EXPIRED", "REVOKED", "INACTIVE"));

    /** A table the purge walks, the key it walks by and the column holding the state. */
    enum Target {
        ACCESS_TOKEN("IDN_OAUTH2_ACCESS_TOKEN", "TOKEN_ID", "TOKEN_STATE"),
        AUTHORIZATION_CODE("IDN_OAUTH2_AUTHORIZATION_CODE", "CODE_ID", "STATE");

        private final String table;
        private final String key;
        private final String stateColumn;

        Target(String table, String key, String stateColumn) {
            this.table = table;
            this.key = key;
            this.stateColumn = stateColumn;
        }

        String table() {
            return table;
        }

        String condition() {
            return stateColumn + " IN ('" + String.join("', '", STATES) + "')";
        }

        String deleteRange(ChunkRange range) {
            return "DELETE FROM " + table + " WHERE " + range.condition(table) + " AND " + condition();
        }

        String checkpointKey() {
            return "purge:" + table;
        }
    }

    private InactiveTokenPurge() {
    }

    /** Rows the purge would delete from the table (for the dry run and the pre-flight report). */
    static long count(Connection connection, Target target) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + target.table() + " WHERE "
                     + target.condition())) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Deletes the target's inactive rows in chunks; returns the rows deleted by this run. */
    static long purge(Connection connection, DatabaseEngine engine, Target target, ChunkSizer sizer,
                      StepProgress progress) throws SQLException {
        TableWalker walker = new TableWalker(target.table(), target.checkpointKey(),
                TableSlicer.forTable(connection, engine, target.table(), target.key, false), sizer);
        try {
            return walker.walk(connection, new StepChunkProgress(progress), (chunk, range) -> {
                try (PreparedStatement delete = chunk.prepareStatement(target.deleteRange(range))) {
                    range.bind(delete, 1);
                    return delete.executeUpdate();
                }
            }).rowsChanged();
        } catch (SQLException e) {
            throw new SQLException(target.table() + ": a purge chunk failed and was rolled back: " + e.getMessage(),
                    e.getSQLState(), e);
        }
    }
}
