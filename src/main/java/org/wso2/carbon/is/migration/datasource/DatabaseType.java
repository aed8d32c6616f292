package org.wso2.carbon.is.migration.datasource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code type} values of a {@code [database.<id>]} section in IS 5.9.0's {@code deployment.toml}, each with the
 * driver class and URL pattern the server derives from it when the file gives no {@code driver} or {@code url}.
 * IS spells PostgreSQL {@code postgre}; {@code postgresql} and {@code mariadb} are accepted too.
 */
enum DatabaseType {
    H2("org.h2.Driver", null, "h2"),
    MYSQL("com.mysql.jdbc.Driver", "jdbc:mysql://{hostname}:{port}/{name}", "mysql"),
    MARIADB("org.mariadb.jdbc.Driver", "jdbc:mariadb://{hostname}:{port}/{name}", "mariadb"),
    POSTGRESQL("org.postgresql.Driver", "jdbc:postgresql://{hostname}:{port}/{name}", "postgre", "postgresql"),
    MSSQL("com.microsoft.sqlserver.jdbc.SQLServerDriver",
            "jdbc:sqlserver://{hostname}:{port};databaseName={name};SendStringParametersAsUnicode=false", "mssql"),
    ORACLE("oracle.jdbc.OracleDriver", "jdbc:oracle:thin:@{hostname}:{port}/{sid}", "oracle"),
    DB2("com.ibm.db2.jcc.DB2Driver", "jdbc:db2://{hostname}:{port}/{name}", "db2");

    private final String defaultDriverClass;
    private final String urlPattern;
    private final List<String> tomlNames;

    DatabaseType(String defaultDriverClass, String urlPattern, String... tomlNames) {
        this.defaultDriverClass = defaultDriverClass;
        this.urlPattern = urlPattern;
        this.tomlNames = Collections.unmodifiableList(Arrays.asList(tomlNames));
    }

    String defaultDriverClass() {
        return defaultDriverClass;
    }

    /**
     * The keys whose values make up the URL when the file gives none, in the order they appear in the pattern; empty
     * for H2, whose file location cannot be built from host and port.
     */
    List<String> urlKeys() {
        List<String> keys = new ArrayList<>();
        if (urlPattern != null) {
            int start = urlPattern.indexOf('{');
            while (start >= 0) {
                int end = urlPattern.indexOf('}', start);
                keys.add(urlPattern.substring(start + 1, end));
                start = urlPattern.indexOf('{', end);
            }
        }
        return keys;
    }

    /** The URL pattern with each {@code {key}} replaced by {@code values} in {@link #urlKeys()} order. */
    String buildUrl(List<String> values) {
        String url = urlPattern;
        List<String> keys = urlKeys();
        for (int i = 0; i < keys.size(); i++) {
            url = url.replace("{" + keys.get(i) + "}", values.get(i));
        }
        return url;
    }

    /** The type a {@code type = "..."} value names, case-insensitive. */
    static Optional<DatabaseType> fromTomlName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (DatabaseType type : values()) {
            if (type.tomlNames.contains(wanted)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** Every accepted {@code type} value, for error messages. */
    static List<String> allTomlNames() {
        List<String> names = new ArrayList<>();
        for (DatabaseType type : values()) {
            names.addAll(type.tomlNames);
        }
        return names;
    }
}
