package org.wso2.carbon.is.migration.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wso2.carbon.is.migration.api.Dialect;

class SqlScriptTest {

    private static final String UNIX = "-- creates T\nCREATE TABLE T (X INTEGER);\nINSERT INTO T VALUES (1);\n";

    @TempDir
    Path dir;

    @Test
    void checksumIsTheSameForUnixAndWindowsLineEnds() throws Exception {
        SqlScript unix = SqlScript.load(write("unix.sql", UNIX), "unix.sql", Dialect.H2);
        SqlScript windows = SqlScript.load(write("windows.sql", UNIX.replace("\n", "\r\n")), "windows.sql", Dialect.H2);
        assertEquals(unix.checksum(), windows.checksum());
        assertEquals(unix.statements().stream().map(SqlStatement::sql).toList(),
                windows.statements().stream().map(SqlStatement::sql).toList());
    }

    @Test
    void checksumIsTheSha256OfTheText() throws Exception {
        // printf 'SELECT 1;\n' | sha256sum
        String expected = "b4e0497804e46e0a0b0b8c31975b062152d551bac49c3c2e80932567b4085dcd";
        assertEquals(expected, SqlScript.checksumOf("SELECT 1;\n"));
        assertEquals(expected, SqlScript.checksumOf("SELECT 1;\r\n"));
    }

    @Test
    void checksumChangesWhenTheTextChanges() throws Exception {
        assertNotEquals(SqlScript.checksumOf(UNIX), SqlScript.checksumOf(UNIX.replace("(1)", "(2)")));
    }

    @Test
    void loadKeepsTheDisplayNameAndLineNumbers() throws Exception {
        SqlScript script = SqlScript.load(write("a.sql", UNIX), "5.9.0/step1/identity/h2.sql", Dialect.H2);
        assertEquals("5.9.0/step1/identity/h2.sql", script.source());
        assertEquals(List.of(new SqlStatement("CREATE TABLE T (X INTEGER)", "5.9.0/step1/identity/h2.sql", 2),
                new SqlStatement("INSERT INTO T VALUES (1)", "5.9.0/step1/identity/h2.sql", 3)), script.statements());
    }

    @Test
    void splitErrorsNameTheDisplayName() throws Exception {
        SqlScriptException e = assertThrows(SqlScriptException.class,
                () -> SqlScript.load(write("bad.sql", "SELECT 1;\nSELECT 'x;\n"), "step1/bad.sql", Dialect.H2));
        assertEquals("step1/bad.sql:2: unterminated string literal (no closing ')", e.getMessage());
    }

    @Test
    void invalidUtf8IsAnIoError() throws Exception {
        Path file = dir.resolve("latin1.sql");
        Files.write(file, new byte[] {'S', 'E', 'L', 'E', 'C', 'T', ' ', '\'', (byte) 0xE9, '\''});
        assertThrows(java.nio.charset.CharacterCodingException.class,
                () -> SqlScript.load(file, "latin1.sql", Dialect.H2));
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void aLeadingNoTransactionCommentMakesTheScriptNonTransactional() {
        assertTrue(SqlScript.declaresNoTransaction("-- what it does\n\n-- @no-transaction\nCREATE INDEX I ON T (C);\n"));
        assertFalse(SqlScript.declaresNoTransaction("-- what it does\nCREATE INDEX I ON T (C);\n"));
        assertFalse(SqlScript.declaresNoTransaction("CREATE INDEX I ON T (C);\n-- @no-transaction\n"),
                "only before the first statement");
    }
}
