package org.wso2.carbon.is.migration.sync;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.wso2.carbon.is.migration.api.ErrorCode;
import org.wso2.carbon.is.migration.api.MigrationException;
import org.wso2.carbon.is.migration.schema.SchemaFacts;

/**
 * {@code sync.properties}, as operators of the old sync tool write it, checked once. Every old key keeps its meaning
 * and default: {@code sourceVersion}, {@code targetVersion}, {@code syncTables} (comma list), {@code identitySchema},
 * {@code umSchema}, {@code regSchema}, {@code consentSchema} (each {@code sourceJNDI,targetJNDI}, at least one),
 * {@code batchSize} (100), {@code syncInterval} (5000 ms). The new keys are optional: {@code maxAttempts} (5) and
 * {@code retryBackoffMillis} (1000) for a row the target refuses, {@code pauseFile} (none) and
 * {@code maxRowsPerSecond} (0: no cap) for running beside production.
 */
public final class SyncSettings {

    /** The releases whose schema facts ship with the bundle, so whose tables can be checked. */
    private static final String FACTS_DIALECT_FOR_NAMES = "mysql";

    private final String sourceVersion;
    private final String targetVersion;
    private final List<String> tables;
    private final Map<SyncSchema, String[]> dataSources;
    private final int batchSize;
    private final long syncIntervalMillis;
    private final int maxAttempts;
    private final long retryBackoffMillis;
    private final Path pauseFile;
    private final long maxRowsPerSecond;

    private SyncSettings(Properties properties, String source) throws MigrationException {
        PropertyReader reader = new PropertyReader(properties, source);
        sourceVersion = reader.release("sourceVersion");
        targetVersion = reader.release("targetVersion");
        if (compare(sourceVersion, targetVersion) > 0) {
            throw reader.invalid("targetVersion", targetVersion, "it is older than sourceVersion " + sourceVersion);
        }
        tables = reader.names("syncTables");
        dataSources = new EnumMap<>(SyncSchema.class);
        for (SyncSchema schema : SyncSchema.values()) {
            String pair = reader.optional(schema.propertyKey());
            if (pair != null) {
                String[] names = pair.split(",", -1);
                if (names.length != 2 || names[0].trim().isEmpty() || names[1].trim().isEmpty()) {
                    throw reader.invalid(schema.propertyKey(), pair, "write it as sourceJNDI,targetJNDI");
                }
                dataSources.put(schema, new String[] {names[0].trim(), names[1].trim()});
            }
        }
        if (dataSources.isEmpty()) {
            throw new MigrationException(ErrorCode.BAD_CONFIGURATION, source + ": none of identitySchema, umSchema,"
                    + " regSchema, consentSchema is set; name at least the database of the synced tables");
        }
        batchSize = (int) reader.positive("batchSize", 100);
        syncIntervalMillis = reader.positive("syncInterval", 5000);
        maxAttempts = (int) reader.positive("maxAttempts", 5);
        retryBackoffMillis = reader.positive("retryBackoffMillis", 1000);
        String pause = reader.optional("pauseFile");
        pauseFile = pause == null ? null : Paths.get(pause);
        maxRowsPerSecond = reader.atLeastZero("maxRowsPerSecond", 0);
    }

    /** Reads {@code file}; errors name it and the key. */
    public static SyncSettings load(Path file) throws MigrationException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file);
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new MigrationException(ErrorCode.BAD_CONFIGURATION, "Cannot read " + file + ": " + e, e);
        }
        return new SyncSettings(properties, file.toString());
    }

    /** The same from properties already read; {@code source} names them in errors. */
    public static SyncSettings of(Properties properties, String source) throws MigrationException {
        return new SyncSettings(properties, source);
    }

    public String sourceVersion() {
        return sourceVersion;
    }

    public String targetVersion() {
        return targetVersion;
    }

    /** The tables to sync, upper case, as written (order does not matter: parents are synced first). */
    public List<String> tables() {
        return tables;
    }

    /** The source JNDI name of {@code schema}'s database, or null when the file does not name it. */
    public String sourceDataSource(SyncSchema schema) {
        String[] pair = dataSources.get(schema);
        return pair == null ? null : pair[0];
    }

    /** The target JNDI name of {@code schema}'s database, or null when the file does not name it. */
    public String targetDataSource(SyncSchema schema) {
        String[] pair = dataSources.get(schema);
        return pair == null ? null : pair[1];
    }

    /** The databases the file names. */
    public Set<SyncSchema> schemas() {
        return Collections.unmodifiableSet(dataSources.keySet());
    }

    public int batchSize() {
        return batchSize;
    }

    public long syncIntervalMillis() {
        return syncIntervalMillis;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public long retryBackoffMillis() {
        return retryBackoffMillis;
    }

    /** While this file exists the run applies nothing; null when not configured. */
    public Path pauseFile() {
        return pauseFile;
    }

    /** The most rows per second the run applies; 0 for no cap. */
    public long maxRowsPerSecond() {
        return maxRowsPerSecond;
    }

    /** Release strings compared number by number ({@code 5.10.0} after {@code 5.9.0}). */
    static int compare(String left, String right) {
        return sortable(left).compareTo(sortable(right));
    }

    /** Each number of the release zero-padded to the same width, so that text order is release order. */
    private static String sortable(String release) {
        StringBuilder key = new StringBuilder();
        for (String part : release.split("\\.")) {
            key.append(String.format(Locale.ROOT, "%09d.", Integer.parseInt(part)));
        }
        return key.toString();
    }

    /** Reads and checks single keys, naming the file and key in each refusal. */
    private static final class PropertyReader {
        private final Properties properties;
        private final String source;

        PropertyReader(Properties properties, String source) {
            this.properties = properties;
            this.source = source;
        }

        String optional(String key) {
            String value = properties.getProperty(key);
            return value == null || value.trim().isEmpty() ? null : value.trim();
        }

        String required(String key) throws MigrationException {
            String value = optional(key);
            if (value == null) {
                throw new MigrationException(ErrorCode.BAD_CONFIGURATION, source + ": " + key + " is required");
            }
            return value;
        }

        /** A release whose schema facts ship with the bundle, so that table names can be checked against it. */
        String release(String key) throws MigrationException {
            String value = required(key);
            if (!value.matches("\\d+(\\.\\d+)*") || !SchemaFacts.available(FACTS_DIALECT_FOR_NAMES, value, false)) {
                throw invalid(key, value, "not a release this tool knows the schema of (5.7.0 .. 5.10.0)");
            }
            return value;
        }

        List<String> names(String key) throws MigrationException {
            Set<String> names = new LinkedHashSet<>();
            for (String name : required(key).split(",")) {
                if (!name.trim().isEmpty()) {
                    names.add(name.trim().toUpperCase(Locale.ROOT));
                }
            }
            if (names.isEmpty()) {
                throw invalid(key, properties.getProperty(key), "name at least one table");
            }
            return Collections.unmodifiableList(new ArrayList<>(names));
        }

        long positive(String key, long defaultValue) throws MigrationException {
            long value = number(key, defaultValue);
            if (value <= 0) {
                throw invalid(key, String.valueOf(value), "it must be greater than 0");
            }
            return value;
        }

        long atLeastZero(String key, long defaultValue) throws MigrationException {
            long value = number(key, defaultValue);
            if (value < 0) {
                throw invalid(key, String.valueOf(value), "it must not be negative");
            }
            return value;
        }

        private long number(String key, long defaultValue) throws MigrationException {
            String value = optional(key);
            if (value == null) {
                return defaultValue;
            }
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw invalid(key, value, "not a whole number");
            }
        }

        MigrationException invalid(String key, String value, String why) {
            return new MigrationException(ErrorCode.BAD_CONFIGURATION,
                    source + ": " + key + " = '" + value + "': " + why);
        }
    }
}
