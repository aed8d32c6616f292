package org.wso2.carbon.is.migration.testsupport;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;

import org.wso2.carbon.is.migration.api.Dialect;

/**
 * One fresh, empty database on a test engine. Connections go through {@link #driver()} directly, never through
 * {@link java.sql.DriverManager}: the H2 1.4.199 driver lives in its own class loader, which DriverManager would
 * refuse to hand out to test code.
 *
 * @param dialect  the engine family
 * @param engine   which engine it runs on, for test names and messages ({@code H2 1.4.199}, {@code PostgreSQL 17})
 * @param name     the database (or schema) name, unique within the JVM
 * @param url      JDBC URL
 * @param user     user name
 * @param password password (test engines only; never logged)
 * @param driver   the JDBC driver that accepts {@code url}
 */
public record TestDatabase(Dialect dialect, String engine, String name, String url, String user, String password,
                           Driver driver) {

    /** Opens a new connection; the caller closes it. */
    public Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        Connection connection = driver.connect(url, properties);
        if (connection == null) {
            throw new SQLException("Driver " + driver.getClass().getName() + " does not accept URL " + url);
        }
        return connection;
    }

    @Override
    public String toString() {
        return engine + " database " + name + " (" + url + ")";
    }
}
