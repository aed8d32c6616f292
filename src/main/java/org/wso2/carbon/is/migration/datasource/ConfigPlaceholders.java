package org.wso2.carbon.is.migration.datasource;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the placeholders IS allows in {@code deployment.toml} values that a standalone run can resolve:
 * {@code $env{NAME}} (environment), {@code $sys{name}} (system property) and {@code ${carbon.home}} /
 * {@code $sys{carbon.home}}, which are the IS home given to the standalone run, not this JVM's.
 * {@code $secret{alias}} is not resolved here: secure-vault values can only be decrypted inside the server.
 */
final class ConfigPlaceholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$(env|sys)?\\{([^}]+)}");
    private static final String CARBON_HOME = "carbon.home";

    private final Path isHome;
    private final UnaryOperator<String> environment;

    ConfigPlaceholders(Path isHome, UnaryOperator<String> environment) {
        this.isHome = isHome;
        this.environment = environment;
    }

    ConfigPlaceholders(Path isHome) {
        this(isHome, System::getenv);
    }

    /**
     * The value with every placeholder replaced.
     *
     * @return the first placeholder that has no value, e.g. {@code $env{DB_PASSWORD}}, as the error
     */
    Resolution resolve(String value) {
        Matcher matcher = PLACEHOLDER.matcher(value);
        // A StringBuffer: Java 8's Matcher.appendReplacement takes no StringBuilder.
        StringBuffer resolved = new StringBuffer();
        while (matcher.find()) {
            String kind = matcher.group(1);
            String name = matcher.group(2);
            Optional<String> replacement = valueOf(kind, name);
            if (!replacement.isPresent()) {
                return new Resolution(null, matcher.group());
            }
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(replacement.get()));
        }
        matcher.appendTail(resolved);
        return new Resolution(resolved.toString(), null);
    }

    private Optional<String> valueOf(String kind, String name) {
        if (CARBON_HOME.equals(name) && !"env".equals(kind)) {
            return Optional.of(isHome.toAbsolutePath().normalize().toString());
        }
        if ("env".equals(kind)) {
            return Optional.ofNullable(environment.apply(name));
        }
        return Optional.ofNullable(System.getProperty(name));
    }

    /** Either the resolved value or the placeholder that could not be resolved. */
    static final class Resolution {
        private final String value;
        private final String unresolved;

        Resolution(String value, String unresolved) {
            this.value = value;
            this.unresolved = unresolved;
        }

        public String value() {
            return value;
        }

        public String unresolved() {
            return unresolved;
        }

        boolean resolved() {
            return unresolved == null;
        }

        @Override
        public boolean equals(Object other) {
            if (this == other) {
                return true;
            }
            if (!(other instanceof Resolution)) {
                return false;
            }
            Resolution that = (Resolution) other;
            return Objects.equals(value, that.value) && Objects.equals(unresolved, that.unresolved);
        }

        @Override
        public int hashCode() {
            // The combination a record uses: 31 * h + the hash of each component, in order, starting from 0.
            return 31 * Objects.hashCode(value) + Objects.hashCode(unresolved);
        }

        @Override
        public String toString() {
            return "Resolution[value=" + value + ", unresolved=" + unresolved + "]";
        }
    }
}
