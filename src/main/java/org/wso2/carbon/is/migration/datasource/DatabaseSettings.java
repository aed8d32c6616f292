package org.wso2.carbon.is.migration.datasource;

import java.nio.file.Path;
import java.util.Objects;
import org.wso2.carbon.is.migration.report.Secrets;

/**
 * How to reach one database of the Identity Server outside the server, as read from {@code deployment.toml}.
 *
 * @param id          the section id, e.g. {@code identity_db} for {@code [database.identity_db]}
 * @param type        the {@code type} value, lower-cased, as the file spells it ({@code h2}, {@code postgre}, ...)
 * @param url         the JDBC URL, with relative H2 paths already made absolute under the IS home
 * @param username    the database user
 * @param password    the plain password; never printed by {@link #toString()}
 * @param driverClass the configured {@code driver}, or the type's usual driver class when none is configured
 * @param source      the file the settings came from, for error messages
 */
public final class DatabaseSettings {
    private final String id;
    private final String type;
    private final String url;
    private final String username;
    private final String password;
    private final String driverClass;
    private final Path source;

    public DatabaseSettings(String id, String type, String url, String username, String password,
                            String driverClass, Path source) {
        this.id = id;
        this.type = type;
        this.url = url;
        this.username = username;
        this.password = password;
        this.driverClass = driverClass;
        this.source = source;
    }

    public String id() {
        return id;
    }

    public String type() {
        return type;
    }

    public String url() {
        return url;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    public String driverClass() {
        return driverClass;
    }

    public Path source() {
        return source;
    }

    /** The URL with any password inside it masked, safe for logs. */
    public String maskedUrl() {
        return Secrets.mask(url);
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof DatabaseSettings)) {
            return false;
        }
        DatabaseSettings that = (DatabaseSettings) other;
        return Objects.equals(id, that.id) && Objects.equals(type, that.type) && Objects.equals(url, that.url)
                && Objects.equals(username, that.username) && Objects.equals(password, that.password)
                && Objects.equals(driverClass, that.driverClass) && Objects.equals(source, that.source);
    }

    @Override
    public int hashCode() {
        // The combination a record uses: 31 * h + the hash of each component, in order, starting from 0.
        int hash = Objects.hashCode(id);
        hash = 31 * hash + Objects.hashCode(type);
        hash = 31 * hash + Objects.hashCode(url);
        hash = 31 * hash + Objects.hashCode(username);
        hash = 31 * hash + Objects.hashCode(password);
        hash = 31 * hash + Objects.hashCode(driverClass);
        return 31 * hash + Objects.hashCode(source);
    }

    @Override
    public String toString() {
        return "DatabaseSettings[id=" + id + ", type=" + type + ", url=" + maskedUrl() + ", username=" + username
                + ", password=" + (password == null ? "null" : Secrets.MASK) + ", driverClass=" + driverClass
                + ", source=" + source + "]";
    }
}
