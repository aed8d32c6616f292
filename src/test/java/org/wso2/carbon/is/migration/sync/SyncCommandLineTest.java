package org.wso2.carbon.is.migration.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.wso2.carbon.is.migration.cli.MigrationCli;
import org.wso2.carbon.is.migration.testsupport.PostgresEngine;

/**
 * {@code java -jar <jar> sync ...} as an operator runs it, on PostgreSQL: the source found through the old home's
 * master-datasources.xml, the target through the new home's deployment.toml, the DDL written for a DBA without
 * changing anything, then prepare, status, run until drained, verify (exit 1 on a difference) and cleanup twice.
 */
class SyncCommandLineTest {

    @Test
    void theWholeProcedureFromTheCommandLine() throws Exception {
        SyncFixture fixture = SyncFixture.create(PostgresEngine.instance(), "5.8.0", "5.9.0");
        Path folder = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "sync-cli");
        List<String> common = fixture.commandLine(folder, "syncInterval=100");

        Path ddl = folder.resolve("sync-ddl.sql");
        assertEquals(0, sync(common, "prepare", "--ddl-only", ddl.toString()).exit);
        assertTrue(Files.readString(ddl).contains("CREATE TRIGGER ISS_T_IDN_OAUTH2_ACCESS_TOKEN AFTER INSERT OR"
                + " UPDATE ON IDN_OAUTH2_ACCESS_TOKEN"), Files.readString(ddl));
        assertTrue(Files.readString(ddl).contains("CREATE TRIGGER ISS_D_IDN_OAUTH2_ACCESS_TOKEN AFTER DELETE ON"
                + " IDN_OAUTH2_ACCESS_TOKEN FOR EACH ROW EXECUTE"), Files.readString(ddl));
        try (Connection source = fixture.source.connect()) {
            assertEquals(0, SyncNeverLosesARowTest.count(source, "SELECT COUNT(*) FROM information_schema.tables"
                    + " WHERE UPPER(table_name) LIKE 'ISS%'"), "--ddl-only changes nothing");
        }

        assertEquals(0, sync(common, "prepare").exit);
        try (Connection writer = fixture.source.connect()) {
            SyncFixture.putUserData(writer, "alice", "k", "v");
            SyncFixture.insertToken(writer, "t1", "alice", "PRIMARY", "openid");
        }
        Result status = sync(common, "status", "--json");
        assertEquals(0, status.exit);
        assertTrue(status.out.contains("\"backlog\": 3"), status.out);
        Result run = sync(common, "run", "--until-drained");
        assertEquals(0, run.exit, run.err);
        assertTrue(run.out.contains("No data to sync for: IDN_IDENTITY_USER_DATA"), run.out);
        assertEquals(0, sync(common, "verify").exit);

        try (Connection target = fixture.target.connect()) {
            SyncFixture.execute(target, "UPDATE IDN_IDENTITY_USER_DATA SET DATA_VALUE = 'changed'");
        }
        Result verify = sync(common, "verify");
        assertEquals(1, verify.exit, verify.out);
        assertTrue(verify.out.contains("IDN_IDENTITY_USER_DATA: 1 source rows, 1 target rows, 1 chunks"), verify.out);

        Result cleanup = sync(common, "cleanup");
        assertEquals(0, cleanup.exit, cleanup.err);
        assertTrue(cleanup.out.contains("removed: DROP TRIGGER IF EXISTS"), cleanup.out);
        assertTrue(sync(common, "cleanup").out.contains("Nothing of the sync tool was left."));
    }

    @Test
    void withoutTheHomesTheCommandSaysWhatItNeedsAndExitsTwo() throws Exception {
        Path properties = Files.createTempFile("sync", ".properties");
        Files.writeString(properties, "sourceVersion=5.8.0\ntargetVersion=5.9.0\nsyncTables=IDN_IDENTITY_USER_DATA\n"
                + "identitySchema=jdbc/A,jdbc/B\n");
        Result result = sync(List.of("--config", properties.toString()), "status");
        assertEquals(2, result.exit);
        assertTrue(result.err.contains("--old-is-home and --new-is-home"), result.err);
    }

    private record Result(int exit, String out, String err) {
    }

    private static Result sync(List<String> common, String... command) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> args = new ArrayList<>();
        args.add("sync");
        args.addAll(List.of(command));
        args.addAll(common);
        int exit = MigrationCli.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                args.toArray(new String[0]));
        return new Result(exit, out.toString(), err.toString());
    }
}
