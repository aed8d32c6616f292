package org.wso2.carbon.is.migration.datasource;

import java.nio.file.Path;
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
public record DatabaseSettings(String id, String type, String url, String username, String password,
                               String driverClass, Path source) {

    /** The URL with any password inside it masked, safe for logs. */
    public String maskedUrl() {
        return Secrets.mask(url);
    }

    @Override
    public String toString() {
        return "DatabaseSettings[id=" + id + ", type=" + type + ", url=" + maskedUrl() + ", username=" + username
                + ", password=" + (password == null ? "null" : Secrets.MASK) + ", driverClass=" + driverClass
                + ", source=" + source + "]";
    }
}
