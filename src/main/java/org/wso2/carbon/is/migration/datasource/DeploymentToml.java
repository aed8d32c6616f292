package org.wso2.carbon.is.migration.datasource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tomlj.Toml;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;
import org.wso2.carbon.is.migration.database.DatabaseEngine;

/**
 * Reads the databases of IS 5.9.0's {@code <IS_HOME>/repository/conf/deployment.toml}: every {@code [database.<id>]}
 * section that says where its database is (a {@code url}, or {@code hostname}/{@code port}/{@code name}), so a
 * standalone run reaches the same databases as the server. {@code identity_db} and {@code shared_db} are always read,
 * so an incomplete one is reported rather than skipped.
 */
public final class DeploymentToml {

    /** The sections a 5.9.0 server always has: read (and checked) even when they do not say where the database is. */
    static final List<String> SERVER_SECTIONS = Collections.unmodifiableList(Arrays.asList("identity_db",
            "shared_db"));

    private static final String DATABASE_TABLE = "database";
    private static final Pattern SECRET_REFERENCE = Pattern.compile("\\$secret\\{[^}]*}");
    /** Values cipher-tool has encrypted, or marked for encryption, are not plain passwords. */
    private static final Pattern ENCRYPTED_VALUE = Pattern.compile("(?i)^\\s*(\\[encrypted]|\\{enc}|enc\\().*");
    /** A key of the section in an engine's URL template: {@code {hostname}}. */
    private static final Pattern URL_KEY = Pattern.compile("\\{(\\w+)}");

    private final Path file;
    private final TomlParseResult toml;
    private final ConfigPlaceholders placeholders;
    private final Path isHome;

    private DeploymentToml(Path isHome, Path file, TomlParseResult toml, ConfigPlaceholders placeholders) {
        this.isHome = isHome;
        this.file = file;
        this.toml = toml;
        this.placeholders = placeholders;
    }

    /** The path of {@code deployment.toml} under an IS home. */
    public static Path fileUnder(Path isHome) {
        return isHome.resolve("repository").resolve("conf").resolve("deployment.toml");
    }

    /**
     * The databases configured in {@code <isHome>/repository/conf/deployment.toml}, by section id ({@code identity_db},
     * {@code shared_db}, ...), in file order.
     *
     * @throws DataSourceException when the file is missing or unreadable, is not valid TOML (file, line and column),
     *                             a section lacks a required key (file, section, line), names an unknown type, or
     *                             holds a password only the server can decrypt
     */
    public static Map<String, DatabaseSettings> read(Path isHome) throws DataSourceException {
        return read(isHome, new ConfigPlaceholders(isHome));
    }

    static Map<String, DatabaseSettings> read(Path isHome, ConfigPlaceholders placeholders)
            throws DataSourceException {
        Path file = fileUnder(isHome);
        if (!Files.isRegularFile(file)) {
            throw new DataSourceException("No deployment.toml at " + file + ": the standalone run reads the database "
                    + "settings of IS 5.9.0 from there; check that --is-home points at the Identity Server directory");
        }
        TomlParseResult toml;
        try {
            toml = Toml.parse(file);
        } catch (IOException e) {
            throw new DataSourceException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        if (toml.hasErrors()) {
            throw syntaxError(file, toml.errors());
        }
        return new DeploymentToml(isHome, file, toml, placeholders).databases();
    }

    private static DataSourceException syntaxError(Path file, List<TomlParseError> errors) {
        StringBuilder message = new StringBuilder(file.toString()).append(" is not valid TOML:");
        for (TomlParseError error : errors) {
            TomlPosition position = error.position();
            message.append("\n  ").append(file).append(':').append(position.line()).append(':')
                    .append(position.column()).append(": ").append(messageWithoutPosition(error));
        }
        return new DataSourceException(message.toString());
    }

    /** tomlj appends "(line L, column C)" to its messages; the position is already printed in front of it. */
    private static String messageWithoutPosition(TomlParseError error) {
        return error.getMessage().replaceFirst("\\s*\\(line \\d+, column \\d+\\)\\s*$", "");
    }

    private Map<String, DatabaseSettings> databases() throws DataSourceException {
        TomlTable databaseTable = tableAt(Collections.singletonList(DATABASE_TABLE));
        Map<String, DatabaseSettings> databases = new LinkedHashMap<>();
        if (databaseTable != null) {
            for (String id : databaseTable.keySet()) {
                TomlTable section = tableAt(Arrays.asList(DATABASE_TABLE, id));
                if (section != null && (SERVER_SECTIONS.contains(id) || saysWhereItIs(section))) {
                    databases.put(id, settingsOf(id, section));
                }
            }
        }
        return databases;
    }

    private TomlTable tableAt(List<String> path) throws DataSourceException {
        Object value = toml.get(path);
        if (value == null) {
            return null;
        }
        if (!(value instanceof TomlTable)) {
            throw new DataSourceException(file + " line " + toml.inputPositionOf(path).line() + ": "
                    + Toml.joinKeyPath(path) + " must be a table such as [" + Toml.joinKeyPath(path) + "]");
        }
        return (TomlTable) value;
    }

    private static boolean saysWhereItIs(TomlTable section) {
        return section.contains("url") || section.contains("hostname");
    }

    private DatabaseSettings settingsOf(String id, TomlTable section) throws DataSourceException {
        SectionReader reader = new SectionReader(id, section);
        String typeName = reader.required("type");
        DatabaseEngine engine = DatabaseEngine.of(DatabaseTypeNames.dialectOf(typeName).orElseThrow(
                () -> reader.error("type", "unknown database type '" + typeName + "'; expected one of "
                        + DatabaseTypeNames.all())));
        String url = reader.optional("url").orElse(null);
        if (url == null) {
            url = builtUrl(engine, reader);
        }
        url = H2FileUrls.resolveAgainst(url, isHome);
        String username = reader.required("username");
        String password = reader.password();
        String driver = reader.optional("driver").orElse(engine.defaultDriverClass());
        return new DatabaseSettings(id, typeName.trim().toLowerCase(Locale.ROOT), url, username, password, driver,
                file);
    }

    /** The URL the server builds when the section gives none: the engine's template, each key's value put in. */
    private static String builtUrl(DatabaseEngine engine, SectionReader reader) throws DataSourceException {
        String template = engine.urlTemplate().orElseThrow(() -> reader.missing("url", "an H2 database needs a url,"
                + " e.g. jdbc:h2:./repository/database/WSO2IDENTITY_DB;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=60000"));
        Matcher key = URL_KEY.matcher(template);
        StringBuffer url = new StringBuffer();
        while (key.find()) {
            key.appendReplacement(url, Matcher.quoteReplacement(
                    reader.required(key.group(1), "needed to build the url when none is given")));
        }
        key.appendTail(url);
        return url.toString();
    }

    /** Reads the keys of one {@code [database.<id>]} section, with errors that point at the file, section and line. */
    private final class SectionReader {
        private final String sectionName;
        private final List<String> sectionPath;
        private final TomlTable section;

        SectionReader(String id, TomlTable section) {
            this.sectionPath = Collections.unmodifiableList(Arrays.asList(DATABASE_TABLE, id));
            this.sectionName = "[" + Toml.joinKeyPath(sectionPath) + "]";
            this.section = section;
        }

        String required(String key) throws DataSourceException {
            return required(key, null);
        }

        String required(String key, String why) throws DataSourceException {
            Optional<String> value = optional(key);
            if (!value.isPresent()) {
                throw missing(key, why);
            }
            return value.get();
        }

        Optional<String> optional(String key) throws DataSourceException {
            Optional<String> raw = raw(key);
            if (!raw.isPresent()) {
                return raw;
            }
            ConfigPlaceholders.Resolution resolution = placeholders.resolve(raw.get());
            if (!resolution.resolved()) {
                throw error(key, "placeholder " + resolution.unresolved() + " has no value in this environment");
            }
            return Optional.of(resolution.value());
        }

        /** The password, refusing values that only the server's secure vault can turn into the real password. */
        String password() throws DataSourceException {
            Optional<String> raw = raw("password");
            if (!raw.isPresent()) {
                throw missing("password", null);
            }
            if (SECRET_REFERENCE.matcher(raw.get()).find() || ENCRYPTED_VALUE.matcher(raw.get()).matches()) {
                throw error("password", "the password is protected by the secure vault (cipher tool), which only the "
                        + "running server can decrypt. For a standalone run, put the plain password in a copy of "
                        + "deployment.toml given with --is-home, or override the database in the migration config; "
                        + "or run the migration inside the server");
            }
            return optional("password").get();
        }

        /** A key's value as text; numbers (a port written 5432) are accepted as their decimal form. */
        private Optional<String> raw(String key) throws DataSourceException {
            Object value = section.get(Collections.singletonList(key));
            if (value == null) {
                return Optional.empty();
            }
            if (value instanceof String || value instanceof Long) {
                return Optional.of(value.toString());
            }
            throw error(key, "expected a string, found " + value.getClass().getSimpleName());
        }

        DataSourceException missing(String key, String why) {
            return new DataSourceException(file + ": section " + sectionName + " (line " + sectionLine() + ") has no '"
                    + key + "' key" + (why == null ? "" : " (" + why + ")"));
        }

        DataSourceException error(String key, String problem) {
            TomlPosition position = section.inputPositionOf(Collections.singletonList(key));
            String where = position == null ? "section " + sectionName + " (line " + sectionLine() + ")"
                    : "line " + position.line() + ", " + Toml.joinKeyPath(Arrays.asList(DATABASE_TABLE,
                    sectionPath.get(1), key));
            return new DataSourceException(file + " " + where + ": " + problem);
        }

        private String sectionLine() {
            TomlPosition position = toml.inputPositionOf(sectionPath);
            return position == null ? "unknown" : String.valueOf(position.line());
        }
    }
}
