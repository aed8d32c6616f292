package org.wso2.carbon.is.migration.sync;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

/**
 * A test database's DataSource that counts the connections it hands out and the most parameters ({@code ?}) of any
 * statement prepared on them: what a test needs to see of the tool's use of a database without a driver's logs.
 */
final class ObservedDataSource {

    final AtomicInteger opened = new AtomicInteger();
    final AtomicInteger mostParameters = new AtomicInteger();
    final DataSource dataSource;

    ObservedDataSource(DataSource delegate) {
        dataSource = proxy(DataSource.class, delegate, (method, args) -> {
            if (method.getName().equals("getConnection")) {
                opened.incrementAndGet();
            }
        }, result -> result instanceof Connection ? observed((Connection) result) : result);
    }

    private Connection observed(Connection connection) {
        return proxy(Connection.class, connection, (method, args) -> {
            if (method.getName().equals("prepareStatement") && args != null && args[0] instanceof String) {
                String sql = (String) args[0];
                mostParameters.accumulateAndGet(sql.length() - sql.replace("?", "").length(), Math::max);
            }
        }, result -> result);
    }

    private interface Call {
        void seen(Method method, Object[] args);
    }

    private interface Result {
        Object wrap(Object result);
    }

    private static <T> T proxy(Class<T> type, T delegate, Call call, Result result) {
        return type.cast(Proxy.newProxyInstance(ObservedDataSource.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    call.seen(method, args);
                    try {
                        return result.wrap(method.invoke(delegate, args));
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }));
    }
}
