package org.wso2.carbon.is.migration.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.wso2.carbon.is.migration.api.RunSettings;

/**
 * {@code migration-config.yaml} as typed values. The legacy keys keep their meaning; the defaults that hid failures
 * in the old tool are changed (see {@link Builder}). Built by {@link ConfigLoader}, which checks every value; tests
 * and other callers build one with {@link #builder}.
 *
 * @param source                      the file it was read from
 * @param migrationEnable             the legacy switch; the loader refuses a file that sets it to false
 * @param currentVersion              the release the databases are at now, e.g. "5.7.0"
 * @param migrateVersion              the release to migrate to, e.g. "5.9.0"
 * @param continueOnError             go on with the next step after one fails (default false)
 * @param batchUpdate                 let data migrators write in JDBC batches (default true)
 * @param ignoreForInactiveTenants    skip tenants that are deactivated (default false)
 * @param migrateTenantRange          migrate only tenants with ids in [starting, ending] (default false)
 * @param migrationStartingTenantID   first tenant id of the range, or null
 * @param migrationEndingTenantID     last tenant id of the range (inclusive), or null
 * @param currentEncryptionAlgorithm  the algorithm data is encrypted with now, or null
 * @param migratedEncryptionAlgorithm the algorithm to re-encrypt with, or null
 * @param versions                    the {@code versions} entries in file order
 * @param dataSources                 logical database ({@code identity}, {@code um}, {@code consent}, {@code uma},
 *                                    {@code registry}) to the DataSource name that reaches it; always all five
 * @param dataSourceWaitSeconds       how long to wait for the server's DataSources to appear (default 60)
 * @param stopServerOnFailure         stop the server when the migration fails, instead of serving traffic on a
 *                                    half-migrated database (default true)
 * @param stopServerOnSuccess         stop the server after a successful migration (default false)
 * @param reportPath                  where to write the migration report, as written (relative paths are resolved
 *                                    by the caller), or null for the default place
 * @param lockStaleAfterSeconds       after how long another run's migration lock counts as abandoned (default 300)
 * @param keyLines                    1-based line of each key that was written (top-level, and
 *                                    {@code dataSources.<db>}), for messages about it
 * @param skipVersionCheck            migrate without first checking that each database's schema is at
 *                                    currentVersion (default false)
 */
public final class MigrationConfig {

    /** DataSource of the identity database in a default IS 5.x installation ({@code master-datasources.xml}). */
    public static final String IDENTITY_DATA_SOURCE = "jdbc/WSO2IdentityDB";
    /** DataSource of the shared user-store and registry database in a default IS 5.x installation. */
    public static final String SHARED_DATA_SOURCE = "jdbc/SHARED_DB";

    /** The logical databases {@code dataSources} may name, each with the DataSource a default installation uses. */
    public static final Map<String, String> DEFAULT_DATA_SOURCES = orderedUnmodifiable(defaultDataSources());

    private final Path source;
    private final boolean migrationEnable;
    private final String currentVersion;
    private final String migrateVersion;
    private final boolean continueOnError;
    private final boolean batchUpdate;
    private final boolean ignoreForInactiveTenants;
    private final boolean migrateTenantRange;
    private final Integer migrationStartingTenantID;
    private final Integer migrationEndingTenantID;
    private final String currentEncryptionAlgorithm;
    private final String migratedEncryptionAlgorithm;
    private final List<VersionConfig> versions;
    private final Map<String, String> dataSources;
    private final int dataSourceWaitSeconds;
    private final boolean stopServerOnFailure;
    private final boolean stopServerOnSuccess;
    private final String reportPath;
    private final int lockStaleAfterSeconds;
    private final TimeLimits timeLimits;
    private final Map<String, Integer> keyLines;
    private final boolean skipVersionCheck;

    public MigrationConfig(
            Path source,
            boolean migrationEnable,
            String currentVersion,
            String migrateVersion,
            boolean continueOnError,
            boolean batchUpdate,
            boolean ignoreForInactiveTenants,
            boolean migrateTenantRange,
            Integer migrationStartingTenantID,
            Integer migrationEndingTenantID,
            String currentEncryptionAlgorithm,
            String migratedEncryptionAlgorithm,
            List<VersionConfig> versions,
            Map<String, String> dataSources,
            int dataSourceWaitSeconds,
            boolean stopServerOnFailure,
            boolean stopServerOnSuccess,
            String reportPath,
            int lockStaleAfterSeconds,
            TimeLimits timeLimits,
            Map<String, Integer> keyLines,
            boolean skipVersionCheck) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(currentVersion, "currentVersion");
        Objects.requireNonNull(migrateVersion, "migrateVersion");
        // Unmodifiable copies that, like List.copyOf and Map.copyOf, refuse null entries.
        List<VersionConfig> versionsCopy = new ArrayList<>(versions);
        versionsCopy.forEach(Objects::requireNonNull);
        versions = Collections.unmodifiableList(versionsCopy);
        dataSources = orderedUnmodifiable(dataSources);
        Map<String, Integer> keyLinesCopy = new LinkedHashMap<>();
        keyLines.forEach((key, line) -> keyLinesCopy.put(Objects.requireNonNull(key), Objects.requireNonNull(line)));
        keyLines = Collections.unmodifiableMap(keyLinesCopy);
        this.source = source;
        this.migrationEnable = migrationEnable;
        this.currentVersion = currentVersion;
        this.migrateVersion = migrateVersion;
        this.continueOnError = continueOnError;
        this.batchUpdate = batchUpdate;
        this.ignoreForInactiveTenants = ignoreForInactiveTenants;
        this.migrateTenantRange = migrateTenantRange;
        this.migrationStartingTenantID = migrationStartingTenantID;
        this.migrationEndingTenantID = migrationEndingTenantID;
        this.currentEncryptionAlgorithm = currentEncryptionAlgorithm;
        this.migratedEncryptionAlgorithm = migratedEncryptionAlgorithm;
        this.versions = versions;
        this.dataSources = dataSources;
        this.dataSourceWaitSeconds = dataSourceWaitSeconds;
        this.stopServerOnFailure = stopServerOnFailure;
        this.stopServerOnSuccess = stopServerOnSuccess;
        this.reportPath = reportPath;
        this.lockStaleAfterSeconds = lockStaleAfterSeconds;
        this.timeLimits = Objects.requireNonNull(timeLimits, "timeLimits");
        this.keyLines = keyLines;
        this.skipVersionCheck = skipVersionCheck;
    }

    public Path source() {
        return source;
    }

    public boolean migrationEnable() {
        return migrationEnable;
    }

    public String currentVersion() {
        return currentVersion;
    }

    public String migrateVersion() {
        return migrateVersion;
    }

    public boolean continueOnError() {
        return continueOnError;
    }

    public boolean batchUpdate() {
        return batchUpdate;
    }

    public boolean ignoreForInactiveTenants() {
        return ignoreForInactiveTenants;
    }

    /**
     * The run-wide settings as migrators see them. The loader has checked the tenant range (both ids set, not
     * reversed) before a config exists, so the range is on exactly when both ids are here.
     */
    public RunSettings runSettings() {
        boolean range = migrateTenantRange;
        return new RunSettings(batchUpdate, ignoreForInactiveTenants, range ? migrationStartingTenantID : null,
                range ? migrationEndingTenantID : null, currentEncryptionAlgorithm, migratedEncryptionAlgorithm);
    }

    public boolean migrateTenantRange() {
        return migrateTenantRange;
    }

    public Integer migrationStartingTenantID() {
        return migrationStartingTenantID;
    }

    public Integer migrationEndingTenantID() {
        return migrationEndingTenantID;
    }

    public String currentEncryptionAlgorithm() {
        return currentEncryptionAlgorithm;
    }

    public String migratedEncryptionAlgorithm() {
        return migratedEncryptionAlgorithm;
    }

    public List<VersionConfig> versions() {
        return versions;
    }

    public Map<String, String> dataSources() {
        return dataSources;
    }

    public int dataSourceWaitSeconds() {
        return dataSourceWaitSeconds;
    }

    public boolean stopServerOnFailure() {
        return stopServerOnFailure;
    }

    public boolean stopServerOnSuccess() {
        return stopServerOnSuccess;
    }

    public String reportPath() {
        return reportPath;
    }

    public int lockStaleAfterSeconds() {
        return lockStaleAfterSeconds;
    }

    /** How long to wait for a database before saying so (connectTimeoutSeconds, statementReportSeconds). */
    public TimeLimits timeLimits() {
        return timeLimits;
    }

    public Map<String, Integer> keyLines() {
        return keyLines;
    }

    /** The DataSource name for a logical database ({@code identity}, {@code um}, ...). */
    public String dataSource(String logicalDatabase) {
        String name = dataSources.get(logicalDatabase);
        if (name == null) {
            throw new IllegalArgumentException("Unknown logical database '" + logicalDatabase + "'; known: "
                    + DEFAULT_DATA_SOURCES.keySet());
        }
        return name;
    }

    public boolean skipVersionCheck() {
        return skipVersionCheck;
    }

    /** 1-based line where a key (top-level, or {@code dataSources.<db>}) was written, or 0 when it is not written. */
    public int lineOf(String key) {
        return keyLines.getOrDefault(key, 0);
    }

    /** A builder holding every default; only the file and the two versions have none. */
    public static Builder builder(Path source, String currentVersion, String migrateVersion) {
        return new Builder(source, currentVersion, migrateVersion);
    }

    private static Map<String, String> defaultDataSources() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("identity", IDENTITY_DATA_SOURCE);
        defaults.put("um", SHARED_DATA_SOURCE);
        defaults.put("consent", IDENTITY_DATA_SOURCE);
        defaults.put("uma", IDENTITY_DATA_SOURCE);
        defaults.put("registry", SHARED_DATA_SOURCE);
        return defaults;
    }

    /** Keeps the order of {@link #DEFAULT_DATA_SOURCES} first, so logs list databases the same way every time. */
    private static Map<String, String> orderedUnmodifiable(Map<String, String> map) {
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String name : Arrays.asList("identity", "um", "consent", "uma", "registry")) {
            if (map.containsKey(name)) {
                ordered.put(name, Objects.requireNonNull(map.get(name), name));
            }
        }
        map.forEach(ordered::putIfAbsent);
        return Collections.unmodifiableMap(ordered);
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof MigrationConfig)) {
            return false;
        }
        MigrationConfig that = (MigrationConfig) other;
        return Objects.equals(source, that.source)
                && migrationEnable == that.migrationEnable
                && Objects.equals(currentVersion, that.currentVersion)
                && Objects.equals(migrateVersion, that.migrateVersion)
                && continueOnError == that.continueOnError
                && batchUpdate == that.batchUpdate
                && ignoreForInactiveTenants == that.ignoreForInactiveTenants
                && migrateTenantRange == that.migrateTenantRange
                && Objects.equals(migrationStartingTenantID, that.migrationStartingTenantID)
                && Objects.equals(migrationEndingTenantID, that.migrationEndingTenantID)
                && Objects.equals(currentEncryptionAlgorithm, that.currentEncryptionAlgorithm)
                && Objects.equals(migratedEncryptionAlgorithm, that.migratedEncryptionAlgorithm)
                && Objects.equals(versions, that.versions)
                && Objects.equals(dataSources, that.dataSources)
                && dataSourceWaitSeconds == that.dataSourceWaitSeconds
                && stopServerOnFailure == that.stopServerOnFailure
                && stopServerOnSuccess == that.stopServerOnSuccess
                && Objects.equals(reportPath, that.reportPath)
                && lockStaleAfterSeconds == that.lockStaleAfterSeconds
                && timeLimits.equals(that.timeLimits)
                && Objects.equals(keyLines, that.keyLines) && skipVersionCheck == that.skipVersionCheck;
    }

    @Override
    public int hashCode() {
        // The combination a record uses: 31 * h + the hash of each component, in order, starting from 0.
        int hash = 0;
        hash = 31 * hash + Objects.hashCode(source);
        hash = 31 * hash + Boolean.hashCode(migrationEnable);
        hash = 31 * hash + Objects.hashCode(currentVersion);
        hash = 31 * hash + Objects.hashCode(migrateVersion);
        hash = 31 * hash + Boolean.hashCode(continueOnError);
        hash = 31 * hash + Boolean.hashCode(batchUpdate);
        hash = 31 * hash + Boolean.hashCode(ignoreForInactiveTenants);
        hash = 31 * hash + Boolean.hashCode(migrateTenantRange);
        hash = 31 * hash + Objects.hashCode(migrationStartingTenantID);
        hash = 31 * hash + Objects.hashCode(migrationEndingTenantID);
        hash = 31 * hash + Objects.hashCode(currentEncryptionAlgorithm);
        hash = 31 * hash + Objects.hashCode(migratedEncryptionAlgorithm);
        hash = 31 * hash + Objects.hashCode(versions);
        hash = 31 * hash + Objects.hashCode(dataSources);
        hash = 31 * hash + Integer.hashCode(dataSourceWaitSeconds);
        hash = 31 * hash + Boolean.hashCode(stopServerOnFailure);
        hash = 31 * hash + Boolean.hashCode(stopServerOnSuccess);
        hash = 31 * hash + Objects.hashCode(reportPath);
        hash = 31 * hash + Integer.hashCode(lockStaleAfterSeconds);
        hash = 31 * hash + timeLimits.hashCode();
        hash = 31 * hash + Objects.hashCode(keyLines);
        hash = 31 * hash + Boolean.hashCode(skipVersionCheck);
        return hash;
    }

    @Override
    public String toString() {
        return "MigrationConfig["
                + "source=" + source
                + ", migrationEnable=" + migrationEnable
                + ", currentVersion=" + currentVersion
                + ", migrateVersion=" + migrateVersion
                + ", continueOnError=" + continueOnError
                + ", batchUpdate=" + batchUpdate
                + ", ignoreForInactiveTenants=" + ignoreForInactiveTenants
                + ", migrateTenantRange=" + migrateTenantRange
                + ", migrationStartingTenantID=" + migrationStartingTenantID
                + ", migrationEndingTenantID=" + migrationEndingTenantID
                + ", currentEncryptionAlgorithm=" + currentEncryptionAlgorithm
                + ", migratedEncryptionAlgorithm=" + migratedEncryptionAlgorithm
                + ", versions=" + versions
                + ", dataSources=" + dataSources
                + ", dataSourceWaitSeconds=" + dataSourceWaitSeconds
                + ", stopServerOnFailure=" + stopServerOnFailure
                + ", stopServerOnSuccess=" + stopServerOnSuccess
                + ", reportPath=" + reportPath
                + ", lockStaleAfterSeconds=" + lockStaleAfterSeconds
                + ", timeLimits=" + timeLimits
                + ", keyLines=" + keyLines + ", skipVersionCheck=" + skipVersionCheck + "]";
    }

    /** Collects values, starting from the defaults, and builds the immutable {@link MigrationConfig}. */
    public static final class Builder {
        private final Path source;
        private final String currentVersion;
        private final String migrateVersion;
        private boolean migrationEnable = true;
        // The legacy default (true) let failed steps pass unnoticed and reported partial migrations as success.
        private boolean continueOnError = false;
        private boolean batchUpdate = true;
        private boolean ignoreForInactiveTenants = false;
        private boolean migrateTenantRange = false;
        private Integer migrationStartingTenantID;
        private Integer migrationEndingTenantID;
        private String currentEncryptionAlgorithm;
        private String migratedEncryptionAlgorithm;
        private final List<VersionConfig> versions = new ArrayList<>();
        private final Map<String, String> dataSources = new LinkedHashMap<>(DEFAULT_DATA_SOURCES);
        private int dataSourceWaitSeconds = 60;
        private boolean stopServerOnFailure = true;
        private boolean stopServerOnSuccess = false;
        private String reportPath;
        private int lockStaleAfterSeconds = 300;
        private TimeLimits timeLimits = TimeLimits.DEFAULT;
        private final Map<String, Integer> keyLines = new LinkedHashMap<>();
        private boolean skipVersionCheck = false;

        private Builder(Path source, String currentVersion, String migrateVersion) {
            this.source = source;
            this.currentVersion = currentVersion;
            this.migrateVersion = migrateVersion;
        }

        public Builder migrationEnable(boolean value) {
            this.migrationEnable = value;
            return this;
        }

        public Builder continueOnError(boolean value) {
            this.continueOnError = value;
            return this;
        }

        public Builder batchUpdate(boolean value) {
            this.batchUpdate = value;
            return this;
        }

        public Builder ignoreForInactiveTenants(boolean value) {
            this.ignoreForInactiveTenants = value;
            return this;
        }

        public Builder migrateTenantRange(boolean value) {
            this.migrateTenantRange = value;
            return this;
        }

        public Builder migrationStartingTenantID(Integer value) {
            this.migrationStartingTenantID = value;
            return this;
        }

        public Builder migrationEndingTenantID(Integer value) {
            this.migrationEndingTenantID = value;
            return this;
        }

        public Builder currentEncryptionAlgorithm(String value) {
            this.currentEncryptionAlgorithm = value;
            return this;
        }

        public Builder migratedEncryptionAlgorithm(String value) {
            this.migratedEncryptionAlgorithm = value;
            return this;
        }

        public Builder addVersion(VersionConfig version) {
            this.versions.add(Objects.requireNonNull(version, "version"));
            return this;
        }

        /** Points a logical database at another DataSource; the others keep their defaults. */
        public Builder dataSource(String logicalDatabase, String dataSourceName) {
            if (!DEFAULT_DATA_SOURCES.containsKey(logicalDatabase)) {
                throw new IllegalArgumentException("Unknown logical database '" + logicalDatabase + "'; known: "
                        + DEFAULT_DATA_SOURCES.keySet());
            }
            this.dataSources.put(logicalDatabase, Objects.requireNonNull(dataSourceName, "dataSourceName"));
            return this;
        }

        public Builder dataSourceWaitSeconds(int value) {
            this.dataSourceWaitSeconds = value;
            return this;
        }

        public Builder stopServerOnFailure(boolean value) {
            this.stopServerOnFailure = value;
            return this;
        }

        public Builder stopServerOnSuccess(boolean value) {
            this.stopServerOnSuccess = value;
            return this;
        }

        public Builder reportPath(String value) {
            this.reportPath = value;
            return this;
        }

        public Builder lockStaleAfterSeconds(int value) {
            this.lockStaleAfterSeconds = value;
            return this;
        }

        public Builder connectTimeoutSeconds(int value) {
            this.timeLimits = timeLimits.withConnectTimeoutSeconds(value);
            return this;
        }

        public Builder statementReportSeconds(int value) {
            this.timeLimits = timeLimits.withStatementReportSeconds(value);
            return this;
        }

        public Builder skipVersionCheck(boolean value) {
            this.skipVersionCheck = value;
            return this;
        }

        /** Records where a top-level key was written, so later checks (the plan) can point at it. */
        public Builder keyLine(String key, int line) {
            this.keyLines.put(key, line);
            return this;
        }

        public MigrationConfig build() {
            return new MigrationConfig(source, migrationEnable, currentVersion, migrateVersion, continueOnError,
                    batchUpdate, ignoreForInactiveTenants, migrateTenantRange, migrationStartingTenantID,
                    migrationEndingTenantID, currentEncryptionAlgorithm, migratedEncryptionAlgorithm, versions,
                    dataSources, dataSourceWaitSeconds, stopServerOnFailure, stopServerOnSuccess, reportPath,
                    lockStaleAfterSeconds, timeLimits, keyLines, skipVersionCheck);
        }
    }
}
