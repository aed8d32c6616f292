package org.wso2.carbon.is.migration.datasource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Embedded H2 closes a database with its last connection; the standalone run keeps one open so that a big file is
 * not opened again between steps, and lets it go when the run ends.
 */
class KeptOpenDataSourceTest {

    @TempDir
    Path directory;

    @Test
    void anEmbeddedH2DatabaseStaysOpenBetweenConnectionsUntilTheDataSourceCloses() throws Exception {
        String url = "jdbc:h2:" + directory.resolve("kept").toAbsolutePath();
        DriverDataSource direct = new DriverDataSource(new org.h2.Driver(), url, "sa", "");
        KeptOpenDataSource keptOpen = new KeptOpenDataSource(direct);
        try (Connection first = keptOpen.getConnection(); Statement statement = first.createStatement()) {
            statement.execute("CREATE TABLE T (ID INT)");
        }
        try (Connection second = keptOpen.getConnection()) {
            assertEquals(2, sessions(second), "the kept connection and this one");
        }
        keptOpen.close();
        try (Connection afterClose = direct.getConnection()) {
            assertEquals(1, sessions(afterClose), "the kept connection is closed");
        }
    }

    @Test
    void onlyUrlsThatOpenAFileInThisProcessAreKeptOpen() {
        assertTrue(KeptOpenDataSource.isEmbeddedH2("jdbc:h2:./repository/database/WSO2IDENTITY_DB;DB_CLOSE_ON_EXIT=FALSE"));
        assertTrue(KeptOpenDataSource.isEmbeddedH2("jdbc:h2:file:/data/x"));
        assertFalse(KeptOpenDataSource.isEmbeddedH2("jdbc:h2:tcp://localhost/~/x"));
        assertFalse(KeptOpenDataSource.isEmbeddedH2("jdbc:h2:ssl://localhost/~/x"));
        assertFalse(KeptOpenDataSource.isEmbeddedH2("jdbc:h2:mem:x"));
        assertFalse(KeptOpenDataSource.isEmbeddedH2("jdbc:postgresql://localhost/x"));
    }

    private static long sessions(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
