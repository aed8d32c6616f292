package org.wso2.carbon.is.migration.datasource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.wso2.carbon.is.migration.api.Dialect;

/**
 * The {@code type} values of a {@code [database.<id>]} section in IS 5.9.0's {@code deployment.toml}: each dialect's
 * script name ({@code h2}, {@code mysql}, {@code mariadb}, {@code postgresql}, {@code oracle}, {@code mssql},
 * {@code db2}), and {@code postgre}, which is how IS spells PostgreSQL. The driver class and URL the server derives
 * from the type are the engine's ({@code database.DatabaseEngine}).
 */
final class DatabaseTypeNames {

    private static final Map<String, Dialect> ALIASES = Collections.singletonMap("postgre", Dialect.POSTGRESQL);

    private DatabaseTypeNames() {
    }

    /** The dialect a {@code type = "..."} value names, case-insensitive. */
    static Optional<Dialect> dialectOf(String type) {
        String wanted = type.trim().toLowerCase(Locale.ROOT);
        if (ALIASES.containsKey(wanted)) {
            return Optional.of(ALIASES.get(wanted));
        }
        for (Dialect dialect : Dialect.values()) {
            if (dialect.scriptName().equals(wanted)) {
                return Optional.of(dialect);
            }
        }
        return Optional.empty();
    }

    /** Every accepted {@code type} value, for error messages. */
    static List<String> all() {
        List<String> names = new ArrayList<>(ALIASES.keySet());
        for (Dialect dialect : Dialect.values()) {
            names.add(dialect.scriptName());
        }
        return names;
    }
}
