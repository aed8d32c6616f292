package org.wso2.carbon.is.migration.datasource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** A fake Identity Server directory with the parts the standalone run reads: deployment.toml, lib and plugins. */
final class IsHomeFixture {

    static final String DEFAULT_590_DATABASES = """
            [database.identity_db]
            type = "h2"
            url = "jdbc:h2:./repository/database/WSO2IDENTITY_DB;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=60000"
            username = "wso2carbon"
            password = "wso2carbon"

            [database.shared_db]
            type = "h2"
            url = "jdbc:h2:./repository/database/WSO2SHARED_DB;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=60000"
            username = "wso2carbon"
            password = "wso2carbon"
            """;

    private final Path home;

    IsHomeFixture(Path home) {
        this.home = home;
    }

    Path home() {
        return home;
    }

    Path lib() {
        return home.resolve("repository/components/lib");
    }

    Path plugins() {
        return home.resolve("repository/components/plugins");
    }

    Path toml() {
        return DeploymentToml.fileUnder(home);
    }

    IsHomeFixture withToml(String text) {
        write(toml(), text);
        return this;
    }

    /** Copies a jar of {@code target/test-drivers} (made by generate-test-resources) into {@code dir} as {@code name}. */
    IsHomeFixture withDriverJar(String testDriver, Path dir, String name) {
        try {
            Files.createDirectories(dir);
            Files.copy(testDriver(testDriver), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    static Path testDriver(String jarName) {
        String dir = System.getProperty("test.drivers.dir", "target/test-drivers");
        Path jar = Path.of(dir, jarName);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run mvn -o -q generate-test-resources first");
        }
        return jar;
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
