package org.wso2.carbon.is.migration.datasource;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTimeoutException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A DataSource whose {@code getConnection} gives up after a set time. A server that accepts the TCP connection and
 * then never answers made the migration wait for ever; drivers' own login timeouts differ per driver and are off by
 * default in some, and a server's pooled DataSource is not ours to configure, so the bound is kept here, around
 * any DataSource. The thread of an abandoned attempt is a daemon; a connection it still gets later is closed.
 */
public final class TimeBoundDataSource implements DataSource {

    private static final ExecutorService CONNECTORS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "migration-connect");
        thread.setDaemon(true);
        return thread;
    });

    private final DataSource target;
    private final String name;
    private final long timeoutMillis;

    /**
     * @param name          the DataSource name, for the error
     * @param timeoutMillis how long a connection may take to open, login included
     */
    public TimeBoundDataSource(DataSource target, String name, long timeoutMillis) {
        this.target = target;
        this.name = name;
        this.timeoutMillis = timeoutMillis;
    }

    /** The DataSources of {@code locator}, each bounded to {@code timeoutMillis} per connection. */
    public static DataSourceLocator bounding(DataSourceLocator locator, long timeoutMillis) {
        return name -> new TimeBoundDataSource(locator.locate(name), name, timeoutMillis);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return within(() -> target.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return within(() -> target.getConnection(username, password));
    }

    private interface Attempt {
        Connection connect() throws SQLException;
    }

    private Connection within(Attempt attempt) throws SQLException {
        Future<Connection> future = CONNECTORS.submit(attempt::connect);
        try {
            return future.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // Not cancelled: a socket read does not heed interrupts, and a cancelled future would lose the
            // connection an attempt still opens later, which must be closed.
            CONNECTORS.execute(() -> closeLate(future));
            throw new SQLTimeoutException("No connection to " + name + " within " + timeoutMillis / 1000.0
                    + " s (connectTimeoutSeconds): the database server accepted nothing or did not answer the login");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException) {
                throw (SQLException) cause;
            }
            throw new SQLException("Could not connect to " + name + ": " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while connecting to " + name, e);
        }
    }

    /** An attempt given up on may still succeed: its connection is closed rather than leaked. */
    private static void closeLate(Future<Connection> future) {
        try {
            Connection late = future.get();
            if (late != null) {
                late.close();
            }
        } catch (Exception ignored) {
            // Nothing was opened, or it failed: nothing to close.
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(target) ? type.cast(target) : target.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(target) || target.isWrapperFor(type);
    }
}
