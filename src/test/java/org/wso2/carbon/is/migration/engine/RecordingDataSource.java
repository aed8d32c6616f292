package org.wso2.carbon.is.migration.engine;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * A DataSource that records what is sent through it: the SQL text of every statement prepared or executed, and
 * every catalog lookup that names something (e.g. {@code getTables(null, null, IS_MIGRATION_HISTORY, null)}).
 * Connections, statements and metadata it hands out are wrapped in turn, so nothing reaches the database unseen.
 */
final class RecordingDataSource {

    private final List<String> sent = new ArrayList<>();

    /** {@code target} seen through this recorder. */
    DataSource wrap(DataSource target) {
        return wrap(DataSource.class, target);
    }

    /** Everything recorded so far, in order. */
    synchronized List<String> sent() {
        return List.copyOf(sent);
    }

    private <T> T wrap(Class<T> type, T target) {
        return type.cast(Proxy.newProxyInstance(RecordingDataSource.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    record(type, method, args);
                    Object result;
                    try {
                        result = method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    return wrapped(method.getReturnType(), result);
                }));
    }

    /** Connections, statements of every kind and metadata are wrapped under the type the method declares. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object wrapped(Class<?> declared, Object result) {
        if (result == null || !declared.isInterface()) {
            return result;
        }
        if (Connection.class.isAssignableFrom(declared) || Statement.class.isAssignableFrom(declared)
                || DatabaseMetaData.class.isAssignableFrom(declared)) {
            return wrap((Class) declared, result);
        }
        return result;
    }

    /**
     * SQL text is the first argument wherever a connection or statement takes it ({@code prepareStatement},
     * {@code execute*}, {@code addBatch}, {@code nativeSQL}); a catalog lookup may name a table in any argument.
     */
    private synchronized void record(Class<?> type, Method method, Object[] args) {
        if (args == null) {
            return;
        }
        if (type == DatabaseMetaData.class) {
            if (Arrays.stream(args).anyMatch(String.class::isInstance)) {
                sent.add(method.getName() + Arrays.stream(args).map(String::valueOf)
                        .collect(Collectors.joining(", ", "(", ")")));
            }
        } else if (type != DataSource.class && args[0] instanceof String sql) {
            sent.add(sql);
        }
    }
}
