package org.wso2.carbon.is.migration.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.wso2.carbon.is.migration.testsupport.PostgresEngine;

/**
 * {@code batchSize} is any positive number, and the old tool's users may have set it high; a page of that many keys
 * must still reach Oracle (at most 1,000 values in an IN list) and SQL Server (at most 2,100 parameters). Run on
 * PostgreSQL, which takes far more, with every statement the tool prepares counted: a pass of 3,000 changes of a
 * three-column key (9,000 parameters in one statement before) stays within {@link KeyLists}' bounds, and every row
 * lands, and verify then walks the table with lists of the same bound.
 */
class ABigBatchSizeKeepsStatementsWithinEngineLimitsTest {

    private static final int CHANGES = 3000;

    @Test
    void aPageOfThreeThousandThreeColumnKeysIsReadAndWrittenInStatementsEveryEngineTakes() throws Exception {
        SyncFixture fixture = SyncFixture.create(PostgresEngine.instance(), "5.8.0", "5.9.0", "batchSize",
                String.valueOf(CHANGES));
        new SyncPrepare(fixture.settings, fixture.databases).run();
        try (Connection writer = fixture.source.connect();
             PreparedStatement insert = writer.prepareStatement("INSERT INTO IDN_IDENTITY_USER_DATA (TENANT_ID,"
                     + " USER_NAME, DATA_KEY, DATA_VALUE) VALUES (-1234, ?, 'key', 'value')")) {
            writer.setAutoCommit(false);
            for (int i = 0; i < CHANGES; i++) {
                insert.setString(1, "user" + i);
                insert.addBatch();
            }
            insert.executeBatch();
            writer.commit();
        }
        ObservedDataSource sourceSide = new ObservedDataSource(SyncFixture.dataSource(fixture.source));
        ObservedDataSource targetSide = new ObservedDataSource(SyncFixture.dataSource(fixture.target));
        SyncDatabases counted = new SyncDatabases().with(SyncSchema.IDENTITY, sourceSide.dataSource,
                targetSide.dataSource);

        SyncFixture.drain(new SyncRun(fixture.settings, counted, new SyncProgress(line -> { })), 3);
        VerifyReport report = new SyncVerify(fixture.settings, counted, CHANGES).run(false);

        int mostParameters = Math.max(sourceSide.mostParameters.get(), targetSide.mostParameters.get());
        assertTrue(mostParameters <= KeyLists.MAX_PARAMETERS, "most parameters in one statement: " + mostParameters);
        assertEquals(0, report.differences(), report.text());
        try (Connection target = fixture.target.connect(); Statement statement = target.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM IDN_IDENTITY_USER_DATA")) {
            rows.next();
            assertEquals(CHANGES, rows.getInt(1));
        }
    }

    @Test
    void keyListsAreCutToAtMostFiveHundredKeysAndTwoThousandParameters() {
        List<RowKey> keys = new ArrayList<>();
        for (int i = 0; i < 1201; i++) {
            keys.add(RowKey.of("k" + i));
        }
        assertEquals(List.of(500, 500, 201), sizes(KeyLists.parts(keys, 1)));
        assertEquals(List.of(500, 500, 201), sizes(KeyLists.parts(keys, 4)));
        assertEquals(List.of(400, 400, 400, 1), sizes(KeyLists.parts(keys, 5)));
        assertEquals(List.of(), sizes(KeyLists.parts(new ArrayList<>(), 2)));
    }

    private static List<Integer> sizes(List<List<RowKey>> parts) {
        List<Integer> sizes = new ArrayList<>();
        parts.forEach(part -> sizes.add(part.size()));
        return sizes;
    }
}
