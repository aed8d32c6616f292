package org.wso2.carbon.is.migration.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Properties;

import org.wso2.carbon.is.migration.schema.SchemaFacts;

/**
 * Lays out an example {@code <NEW_IS_HOME>} as an operator has it before migrating from 5.8.0: the default 5.9.0
 * {@code deployment.toml} (H2 files under {@code repository/database}, relative URLs), the server's own H2 bundle
 * in {@code repository/components/plugins}, this project's {@code migration-resources}, and identity and shared
 * databases created by 5.8.0, with rows, written by H2 1.4.199 (the engine IS 5.9.0 runs).
 * {@code ExampleHome <dir>}; used by {@code examples/h2-example.sh} and the standalone jar test.
 */
public final class ExampleHome {

    private static final String OPTIONS = ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=60000";

    private ExampleHome() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: ExampleHome <dir>");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        create(home);
        System.out.println("Example IS home with 5.8.0 databases (H2 1.4.199): " + home);
    }

    public static IsHome create(Path home) throws Exception {
        if (Files.exists(home.resolve("repository/database"))) {
            throw new IllegalStateException(home + " already holds databases; remove it first");
        }
        IsHome isHome = IsHome.at(home).withProjectResources()
                .withPlugin("h2-1.4.199.jar", "h2_1.4.199.wso2v1.jar")
                .withDeploymentToml(
                        IsHome.databaseSection("identity_db", "h2", "jdbc:h2:./repository/database/WSO2IDENTITY_DB"
                                + OPTIONS, "wso2carbon", "wso2carbon")
                        + IsHome.databaseSection("shared_db", "h2", "jdbc:h2:./repository/database/WSO2SHARED_DB"
                                + OPTIONS, "wso2carbon", "wso2carbon"));
        build(home.resolve("repository/database/WSO2IDENTITY_DB"), SchemaFacts.load("h2", "5.8.0", false));
        build(home.resolve("repository/database/WSO2SHARED_DB"), SchemaFacts.load("h2", "5.8.0", true));
        return isHome;
    }

    private static void build(Path file, SchemaFacts facts) throws Exception {
        Properties credentials = new Properties();
        credentials.setProperty("user", "wso2carbon");
        credentials.setProperty("password", "wso2carbon");
        try (Connection connection = H2Engines.V1_4_199.driver().connect("jdbc:h2:" + file + OPTIONS, credentials)) {
            ReleaseDatabaseBuilder.create(connection, facts);
            SampleData.fill(connection, 3);
        }
    }
}
