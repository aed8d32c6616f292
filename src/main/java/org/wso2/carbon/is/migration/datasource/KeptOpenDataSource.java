package org.wso2.carbon.is.migration.datasource;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * A DataSource for an embedded H2 database that keeps one connection open from its first use until {@link #close}.
 * Embedded H2 closes a database when its last connection closes, and opening a big database file again takes
 * seconds; the migration opens and closes connections between steps (the ledger, the lock's heartbeat, each step), so
 * without this it would pay that time again and again.
 */
final class KeptOpenDataSource implements DataSource, AutoCloseable {

    private final DriverDataSource delegate;
    private Connection keeper;

    KeptOpenDataSource(DriverDataSource delegate) {
        this.delegate = delegate;
    }

    /** True for an H2 URL that opens the database in this process (not a server, not an in-memory database). */
    static boolean isEmbeddedH2(String url) {
        if (!url.regionMatches(true, 0, "jdbc:h2:", 0, "jdbc:h2:".length())) {
            return false;
        }
        String rest = url.substring("jdbc:h2:".length()).toLowerCase(java.util.Locale.ROOT);
        return !rest.startsWith("tcp:") && !rest.startsWith("ssl:") && !rest.startsWith("mem:");
    }

    @Override
    public Connection getConnection() throws SQLException {
        keepOpen();
        return delegate.getConnection();
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        keepOpen();
        return delegate.getConnection(user, password);
    }

    private synchronized void keepOpen() throws SQLException {
        if (keeper == null || keeper.isClosed()) {
            keeper = delegate.getConnection();
        }
    }

    @Override
    public synchronized void close() throws SQLException {
        if (keeper != null) {
            Connection last = keeper;
            keeper = null;
            last.close();
        }
    }

    @Override
    public PrintWriter getLogWriter() {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public String toString() {
        return delegate.toString();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(delegate)) {
            return type.cast(delegate);
        }
        return delegate.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(delegate) || delegate.isWrapperFor(type);
    }
}
