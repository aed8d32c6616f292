package org.wso2.carbon.is.migration.datasource;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Objects;
import java.util.Properties;
import java.util.logging.Logger;

import javax.sql.DataSource;
import org.wso2.carbon.is.migration.report.Secrets;

/**
 * A {@link DataSource} over one JDBC driver instance, without pooling: every {@link #getConnection()} opens a new
 * connection through {@link Driver#connect}. {@link java.sql.DriverManager} is not used because it only hands out
 * drivers visible to the caller's class loader, and the standalone run loads drivers in a loader of their own.
 */
public final class DriverDataSource implements DataSource {

    private final Driver driver;
    private final String url;
    private final String username;
    private final String password;
    private PrintWriter logWriter;

    public DriverDataSource(Driver driver, String url, String username, String password) {
        this.driver = Objects.requireNonNull(driver, "driver");
        this.url = Objects.requireNonNull(url, "url");
        this.username = username;
        this.password = password;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return getConnection(username, password);
    }

    @Override
    public Connection getConnection(String user, String pass) throws SQLException {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (pass != null) {
            properties.setProperty("password", pass);
        }
        Connection connection = driver.connect(url, properties);
        if (connection == null) {
            // Driver.connect returns null, rather than failing, for a URL meant for another driver.
            throw new SQLException("JDBC driver " + driver.getClass().getName() + " does not accept the URL "
                    + Secrets.mask(url) + "; check the url and driver of the database settings");
        }
        return connection;
    }

    /** The URL with any password inside it masked, for logs. */
    public String maskedUrl() {
        return Secrets.mask(url);
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    /** Drivers take their connect timeouts from the URL or properties; a data source-wide one is not offered. */
    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        throw new SQLFeatureNotSupportedException("Login timeout is not supported by " + getClass().getSimpleName()
                + "; set the driver's timeout in the JDBC URL");
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return driver.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException(getClass().getName() + " is not a wrapper for " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }

    @Override
    public String toString() {
        return "DriverDataSource[driver=" + driver.getClass().getName() + ", url=" + maskedUrl() + ", user="
                + username + "]";
    }
}
