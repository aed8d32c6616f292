package org.wso2.carbon.is.migration.internal;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * What the server was started with. Carbon's launcher turns the program arguments {@code -Dmigrate} and
 * {@code -Dcomponent=identity} into the system properties {@code migrate=true} and {@code component=identity}.
 *
 * @param requested  {@code migrate} is present and not {@code false}, and {@code component} names {@code identity}
 * @param dryRun     {@code dryRun} is present and not {@code false}
 * @param carbonHome {@code carbon.home}, or null
 */
public record MigrationRequest(boolean requested, boolean dryRun, Path carbonHome) {

    /** Reads the request through a property lookup (the bundle context, which falls back to system properties). */
    public static MigrationRequest from(UnaryOperator<String> properties) {
        String migrate = properties.apply("migrate");
        String component = properties.apply("component");
        boolean requested = isOn(migrate) && component != null
                && component.toLowerCase(Locale.ROOT).contains("identity");
        String home = properties.apply("carbon.home");
        return new MigrationRequest(requested, isOn(properties.apply("dryRun")),
                home == null || home.isBlank() ? null : Path.of(home));
    }

    private static boolean isOn(String value) {
        return value != null && !value.trim().equalsIgnoreCase("false");
    }

    public Path resourcesDirectory() {
        return carbonHome.resolve("migration-resources");
    }

    public Path configFile() {
        return resourcesDirectory().resolve("migration-config.yaml");
    }
}
