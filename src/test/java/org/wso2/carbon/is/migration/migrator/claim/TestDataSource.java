package org.wso2.carbon.is.migration.migrator.claim;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.wso2.carbon.is.migration.testsupport.TestDatabase;

/**
 * A DataSource over a test database. It can simulate a crash in the middle of one tenant: the first property row
 * written for {@code crashTenant} fails, after that tenant's IDN_CLAIM rows were inserted but before its commit.
 */
public final class TestDataSource implements DataSource {

    private final TestDatabase database;
    private final Integer crashTenant;
    private final String failingPrefix;
    private final int failingNth;
    private final AtomicInteger prepared = new AtomicInteger();

    private TestDataSource(TestDatabase database, Integer crashTenant) {
        this(database, crashTenant, null, 0);
    }

    private TestDataSource(TestDatabase database, Integer crashTenant, String failingPrefix, int failingNth) {
        this.database = database;
        this.crashTenant = crashTenant;
        this.failingPrefix = failingPrefix;
        this.failingNth = failingNth;
    }

    /** Preparing the {@code nth} statement (over all connections) that starts with {@code prefix} fails. */
    public static TestDataSource failingNth(TestDatabase database, String prefix, int nth) {
        return new TestDataSource(database, null, prefix, nth);
    }

    public static TestDataSource of(TestDatabase database) {
        return new TestDataSource(database, null);
    }

    public static TestDataSource crashingDuring(TestDatabase database, int tenant) {
        return new TestDataSource(database, tenant);
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = database.connect();
        if (failingPrefix != null) {
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("prepareStatement") && args[0] instanceof String sql
                                && sql.startsWith(failingPrefix) && prepared.incrementAndGet() == failingNth) {
                            throw new SQLException("simulated failure of statement " + failingNth + ": " + sql);
                        }
                        return invoke(connection, method, args);
                    });
        }
        if (crashTenant == null) {
            return connection;
        }
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    Object result = invoke(connection, method, args);
                    if (method.getName().equals("prepareStatement") && args[0] instanceof String sql
                            && sql.startsWith("INSERT INTO IDN_CLAIM_PROPERTY")) {
                        return crashingInsert((PreparedStatement) result);
                    }
                    return result;
                });
    }

    /** Remembers the TENANT_ID (4th parameter) and fails the write when it is the crash tenant's. */
    private PreparedStatement crashingInsert(PreparedStatement statement) {
        int[] tenant = {Integer.MIN_VALUE};
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            if (name.equals("setInt") && (Integer) args[0] == 4) {
                tenant[0] = (Integer) args[1];
            }
            if ((name.equals("executeUpdate") || name.equals("executeBatch") || name.equals("addBatch"))
                    && tenant[0] == crashTenant) {
                throw new SQLException("simulated crash while writing tenant " + crashTenant);
            }
            return invoke(statement, method, args);
        };
        return (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{PreparedStatement.class}, handler);
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // not used
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // not used
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }
}
