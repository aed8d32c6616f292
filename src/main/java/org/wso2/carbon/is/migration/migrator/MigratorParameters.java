package org.wso2.carbon.is.migration.migrator;

import java.util.Map;

import org.wso2.carbon.is.migration.api.MigrationContext;
import org.wso2.carbon.is.migration.api.MigrationException;
import org.wso2.carbon.is.migration.api.StepIdentity;

/** Reads a step's {@code parameters} with messages that name the migrator and the parameter. */
public final class MigratorParameters {

    private MigratorParameters() {
    }

    /** The logical database a data step changes: its {@code schema} parameter, else the identity database. */
    public static String schemaOrIdentity(Map<String, String> parameters) {
        return parameters.getOrDefault("schema", "identity");
    }

    /** The identity of a step that is its migrator's only one on {@link #schemaOrIdentity} database. */
    public static StepIdentity onSchemaOrIdentity(Map<String, String> parameters) {
        return StepIdentity.of(schemaOrIdentity(parameters));
    }

    /** A parameter that must be present and not blank. */
    public static String required(String migrator, MigrationContext context, String key) throws MigrationException {
        return required(migrator, context.parameters(), key);
    }

    /** The identity of a step that is its migrator's only one on the database its required {@code schema} names. */
    public static StepIdentity onSchema(String migrator, Map<String, String> parameters) throws MigrationException {
        return StepIdentity.of(required(migrator, parameters, "schema"));
    }

    /** A parameter that must be present and not blank. */
    public static String required(String migrator, Map<String, String> parameters, String key)
            throws MigrationException {
        String value = parameters.get(key);
        if (value == null || isBlank(value)) {
            throw new MigrationException(migrator + " needs the parameter '" + key + "'");
        }
        return value.trim();
    }

    /** A positive whole number, or the default when the parameter is absent. */
    public static int positiveInt(String migrator, MigrationContext context, String key, int defaultValue)
            throws MigrationException {
        String value = context.parameters().get(key);
        if (value == null || isBlank(value)) {
            return defaultValue;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below with the value that was given
        }
        throw new MigrationException(migrator + ": parameter '" + key + "' must be a positive whole number, not '"
                + value + "'");
    }

    /** A whole number of 0 or more, or the default when the parameter is absent. */
    public static long nonNegativeLong(String migrator, MigrationContext context, String key, long defaultValue)
            throws MigrationException {
        String value = context.parameters().get(key);
        if (value == null || isBlank(value)) {
            return defaultValue;
        }
        try {
            long number = Long.parseLong(value.trim());
            if (number >= 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below with the value that was given
        }
        throw new MigrationException(migrator + ": parameter '" + key + "' must be a whole number of 0 or more, not '"
                + value + "'");
    }

    /** {@code true} or {@code false} (any case), or the default when the parameter is absent. */
    public static boolean bool(String migrator, MigrationContext context, String key, boolean defaultValue)
            throws MigrationException {
        String value = context.parameters().get(key);
        if (value == null || isBlank(value)) {
            return defaultValue;
        }
        switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                throw new MigrationException(migrator + ": parameter '" + key + "' must be true or false, not '"
                        + value + "'");
        }
    }

    /** {@code String.isBlank} (Java 11) for Java 8: empty or only {@link Character#isWhitespace} characters. */
    public static boolean isBlank(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (!Character.isWhitespace(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
