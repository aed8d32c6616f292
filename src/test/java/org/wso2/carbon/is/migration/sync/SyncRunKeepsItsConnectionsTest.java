package org.wso2.carbon.is.migration.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.wso2.carbon.is.migration.testsupport.PostgresEngine;

/**
 * {@code sync run} under a steady writer keeps the connections of one pass for the next, instead of opening a source
 * and a target session per pass (every few milliseconds under load, each a new server process on PostgreSQL); every
 * change still lands, and between passes no kept session waits inside an open transaction (which a DBA sees as
 * "idle in transaction" and {@code idle_in_transaction_session_timeout} ends).
 */
class SyncRunKeepsItsConnectionsTest {

    private static final int PASSES = 20;

    @Test
    void passesThatFindChangesShareOneConnectionPerSide() throws Exception {
        SyncFixture fixture = SyncFixture.create(PostgresEngine.instance(), "5.7.0", "5.9.0");
        new SyncPrepare(fixture.settings, fixture.databases).run();
        ObservedDataSource sources = new ObservedDataSource(SyncFixture.dataSource(fixture.source));
        ObservedDataSource targets = new ObservedDataSource(SyncFixture.dataSource(fixture.target));
        SyncDatabases databases = new SyncDatabases().with(SyncSchema.IDENTITY, sources.dataSource,
                targets.dataSource);
        SyncRun run = new SyncRun(fixture.settings, databases, new SyncProgress(line -> { }));
        int opensBefore = sources.opened.get();

        AtomicInteger calls = new AtomicInteger();
        AtomicInteger idleInTransaction = new AtomicInteger();
        try (Connection writer = fixture.source.connect()) {
            // asked before each pass (and after an empty one): one more change each time for PASSES passes; then
            // a pass that finds nothing, after which the kept connections must not be left inside a transaction
            run.run(() -> {
                int call = calls.getAndIncrement();
                try {
                    if (call < PASSES) {
                        SyncFixture.putUserData(writer, "user" + call, "key", "value");
                        return false;
                    }
                    idleInTransaction.accumulateAndGet(idleInTransaction(writer, fixture), Math::max);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                return call >= PASSES + 2;
            });
        }

        assertEquals(0, idleInTransaction.get(), "the run's sessions idle in a transaction between passes");
        assertEquals(1, sources.opened.get() - opensBefore, "source connections opened by " + PASSES + " passes");
        assertEquals(1, targets.opened.get(), "target connections opened by " + PASSES + " passes");
        try (Connection target = fixture.target.connect();
             Statement statement = target.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM IDN_IDENTITY_USER_DATA")) {
            assertTrue(rows.next());
            assertEquals(PASSES, rows.getInt(1));
        }
    }

    /** Sessions on the fixture's two databases that wait inside an open transaction (PostgreSQL's own view). */
    private static int idleInTransaction(Connection connection, SyncFixture fixture) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM pg_stat_activity"
                + " WHERE datname IN (?, ?) AND state = 'idle in transaction'")) {
            statement.setString(1, fixture.source.name());
            statement.setString(2, fixture.target.name());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
