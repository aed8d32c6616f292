package org.wso2.carbon.is.migration.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wso2.carbon.is.migration.testsupport.PostgresEngine;

/**
 * What an operator sees and controls while the run goes on beside production, on PostgreSQL: the progress lines (the
 * old tool's exact {@code No data to sync for: <TABLE>} when a table has no backlog), {@code sync status} as a table
 * and as JSON, the pause file, the rate cap.
 */
class SyncProgressAndStatusTest {

    @TempDir
    Path folder;

    @Test
    void progressAndStatusShowTheBacklogUntilItIsZero() throws Exception {
        SyncFixture fixture = SyncFixture.create(PostgresEngine.instance(), "5.8.0", "5.9.0");
        new SyncPrepare(fixture.settings, fixture.databases).run();
        try (Connection writer = fixture.source.connect()) {
            for (int i = 0; i < 5; i++) {
                SyncFixture.putUserData(writer, "user" + i, "key", "value");
            }
        }
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        SyncRun run = new SyncRun(fixture.settings, fixture.databases, new SyncProgress(lines::add));
        run.report();
        assertTrue(lines.contains("No data to sync for: IDN_OAUTH2_ACCESS_TOKEN"), lines.toString());
        assertTrue(lines.stream().anyMatch(line -> line.matches(
                "IDN_IDENTITY_USER_DATA: 0 rows synced \\(0\\.0 rows/s\\), backlog 5, lag \\d+\\.\\d s")),
                lines.toString());
        SyncStatus status = run.syncStatus();
        assertEquals(5, status.backlog());
        assertTrue(status.table().contains("IDN_IDENTITY_USER_DATA"), status.table());
        assertTrue(status.json().contains("\"backlog\": 5"), status.json());

        lines.clear();
        Thread runner = new Thread(() -> {
            try {
                run.run(() -> lines.contains("No data to sync for: IDN_IDENTITY_USER_DATA"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        runner.start();
        runner.join(30_000);
        assertTrue(lines.contains("No data to sync for: IDN_IDENTITY_USER_DATA"), lines.toString());
        assertEquals(0, run.syncStatus().backlog());
        assertTrue(run.syncStatus().json().contains("\"parked\": 0"));
    }

    @Test
    void nothingIsAppliedWhileThePauseFileExistsAndTheRateCapSpacesThePages() throws Exception {
        Path pause = folder.resolve("pause");
        SyncFixture fixture = SyncFixture.create(PostgresEngine.instance(), "5.8.0", "5.9.0", "pauseFile",
                pause.toString(), "maxRowsPerSecond", "20", "batchSize", "5");
        new SyncPrepare(fixture.settings, fixture.databases).run();
        try (Connection writer = fixture.source.connect()) {
            for (int i = 0; i < 10; i++) {
                SyncFixture.putUserData(writer, "user" + i, "key", "value");
            }
        }
        SyncRun run = fixture.run();
        Files.createFile(pause);
        assertEquals(0, run.pass());
        assertEquals(10, run.syncStatus().backlog());
        Files.delete(pause);
        long started = System.nanoTime();
        assertEquals(10, run.pass());
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis >= 450, "10 rows at 20 rows/s, in pages of 5, take 0.5 s: " + millis + " ms");
    }
}
