package org.wso2.carbon.is.migration.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wso2.carbon.is.migration.api.ErrorCode;

/**
 * {@code location} and {@code schema} name folders under {@code migration-resources/<version>/dbscripts}; a value
 * that would reach outside it (a {@code ..} segment, an absolute path, a drive) is a configuration error naming the
 * file, the line and the key, so no script from elsewhere on the machine is ever run. Folder names with dots are
 * still folder names.
 */
class ScriptFoldersStayInsideResourcesTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "location | ../../../tmp/evil",
            "location | step1/../../5.8.0",
            "location | /etc",
            "location | C:\\\\scripts",
            "schema   | ..",
            "schema   | identity\\\\..\\\\..",
            "schema   | /opt/wso2/identity"})
    void aFolderOutsideMigrationResourcesIsRefusedWithFileLineAndKey(String key, String value) throws Exception {
        String yaml = "currentVersion: \"5.8.0\"\nmigrateVersion: \"5.9.0\"\nversions:\n  - version: \"5.9.0\"\n"
                + "    migratorConfigs:\n      - name: SchemaMigrator\n        order: 1\n        parameters:\n"
                + "          location: " + (key.equals("location") ? quoted(value) : "step1") + "\n"
                + "          schema: " + (key.equals("schema") ? quoted(value) : "identity") + "\n";
        Path file = write(yaml);

        ConfigException refused = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));

        int line = key.equals("location") ? 9 : 10;
        assertEquals(line, refused.line(), refused.getMessage());
        assertEquals("versions[0].migratorConfigs[0].parameters." + key, refused.key());
        assertEquals(ErrorCode.BAD_CONFIGURATION, refused.errorCode());
        assertEquals(2, refused.errorCode().exitCode());
        assertTrue(refused.getMessage().startsWith(file + ":" + line + ":"), refused.getMessage());
        assertTrue(refused.getMessage().contains("would reach outside migration-resources"), refused.getMessage());
    }

    @Test
    void folderNamesWithDotsAreStillFolders() throws Exception {
        Path file = write("currentVersion: \"5.8.0\"\nmigrateVersion: \"5.9.0\"\nversions:\n  - version: \"5.9.0\"\n"
                + "    migratorConfigs:\n      - {name: SchemaMigrator, order: 1, parameters: {location: step1.v2,"
                + " schema: identity}}\n");

        assertEquals("step1.v2", ConfigLoader.load(file).config().versions().get(0).migratorConfigs().get(0)
                .parameters().get("location"));
    }

    private static String quoted(String value) {
        return "'" + value + "'";
    }

    private Path write(String yaml) throws Exception {
        Path file = dir.resolve("migration-config.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }
}
