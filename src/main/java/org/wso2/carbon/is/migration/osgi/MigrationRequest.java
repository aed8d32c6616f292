package org.wso2.carbon.is.migration.osgi;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What the server was started with. Carbon's launcher turns the program arguments {@code -Dmigrate} and
 * {@code -Dcomponent=identity} into the system properties {@code migrate=true} and {@code component=identity}.
 *
 * @param requested  {@code migrate} is present and not {@code false}, and {@code component} names {@code identity}
 * @param dryRun     {@code dryRun} is present and not {@code false}
 * @param carbonHome {@code carbon.home}, or null
 */
final class MigrationRequest {
    private final boolean requested;
    private final boolean dryRun;
    private final Path carbonHome;

    public MigrationRequest(boolean requested, boolean dryRun, Path carbonHome) {
        this.requested = requested;
        this.dryRun = dryRun;
        this.carbonHome = carbonHome;
    }

    /** Reads the request through a property lookup (the bundle context, which falls back to system properties). */
    public static MigrationRequest from(UnaryOperator<String> properties) {
        String migrate = properties.apply("migrate");
        String component = properties.apply("component");
        boolean requested = isOn(migrate) && component != null
                && component.toLowerCase(Locale.ROOT).contains("identity");
        String home = properties.apply("carbon.home");
        return new MigrationRequest(requested, isOn(properties.apply("dryRun")),
                home == null || home.trim().isEmpty() ? null : Paths.get(home));
    }

    private static boolean isOn(String value) {
        return value != null && !value.trim().equalsIgnoreCase("false");
    }

    public boolean requested() {
        return requested;
    }

    public boolean dryRun() {
        return dryRun;
    }

    public Path carbonHome() {
        return carbonHome;
    }

    public Path resourcesDirectory() {
        return carbonHome.resolve("migration-resources");
    }

    public Path configFile() {
        return resourcesDirectory().resolve("migration-config.yaml");
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof MigrationRequest)) {
            return false;
        }
        MigrationRequest that = (MigrationRequest) other;
        return requested == that.requested && dryRun == that.dryRun && Objects.equals(carbonHome, that.carbonHome);
    }

    @Override
    public int hashCode() {
        return Objects.hash(requested, dryRun, carbonHome);
    }

    @Override
    public String toString() {
        return "MigrationRequest[requested=" + requested + ", dryRun=" + dryRun + ", carbonHome=" + carbonHome + "]";
    }
}
