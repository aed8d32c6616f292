package org.wso2.carbon.is.migration.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

/** H2 1.4.199 runs from its own class loader next to H2 2.x, and file databases land under java.io.tmpdir. */
class H2EnginesRunBothVersionsSideBySideTest {

    @Test
    void legacyEngineIs1_4_199LoadedApartFromTheClassPathH2() throws SQLException {
        TestDatabase database = H2Engines.V1_4_199.newDatabase();
        try (Connection connection = database.connect()) {
            assertTrue(connection.getMetaData().getDatabaseProductVersion().startsWith("1.4.199"),
                    connection.getMetaData().getDatabaseProductVersion());
        }
        assertNotSame(org.h2.Driver.class, database.driver().getClass());
        assertEquals(ClassLoader.getPlatformClassLoader(), database.driver().getClass().getClassLoader().getParent());
    }

    @Test
    void fileDatabasesOfBothVersionsAreCreatedUnderTheTemporaryDirectory() throws SQLException {
        for (H2Engines engine : H2Engines.values()) {
            TestDatabase database = engine.newFileDatabase();
            try (Connection connection = database.connect()) {
                connection.createStatement().execute("CREATE TABLE T (ID INTEGER)");
            }
            Path dir = Path.of(System.getProperty("java.io.tmpdir"), "h2");
            try (var files = Files.list(dir)) {
                assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith(database.name() + ".")),
                        engine + ": no file for " + database.name() + " in " + dir);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        }
    }
}
