package org.wso2.carbon.is.migration.watch;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * What a run is executing now, seen through the connections it hands to migrators: each statement from the moment
 * it is sent until the driver returns. Watching the connections, not the migrators, covers every step, built-in or
 * custom, without their help. A statement about to start after a {@link StopRequest} is refused instead, which is
 * the run's safe point: the step's open transaction (one chunk) is rolled back by its own error handling, or was
 * committed just before.
 */
public final class RunWatch {

    private final StopRequest stop;
    private final Set<InFlightStatement> inFlight = ConcurrentHashMap.newKeySet();
    private volatile String currentStep = "";
    private volatile String lostServer;

    public RunWatch(StopRequest stop) {
        this.stop = stop;
        stop.whenOverdue(this::cancelInFlight);
    }

    private void cancelInFlight() {
        for (InFlightStatement statement : inFlight) {
            try {
                statement.cancel();
            } catch (SQLException | RuntimeException e) {
                // The statement may have just ended, or its driver cannot cancel: the stop waits for it then.
            }
        }
    }

    /** A watch of a run that nobody stops, for callers without a shutdown hook. */
    public static RunWatch unstoppable() {
        return new RunWatch(new StopRequest());
    }

    public StopRequest stop() {
        return stop;
    }

    /** Names the step whose statements follow, for progress lines. */
    public void stepStarted(String stepId) {
        currentStep = stepId;
    }

    /** The statements being executed now. */
    public List<InFlightStatement> inFlight() {
        return new ArrayList<>(inFlight);
    }

    /** Why the watchdog gave up on a database server during the run, or null. */
    public String lostServer() {
        return lostServer;
    }

    void serverLost(String cause) {
        lostServer = cause;
    }

    /**
     * The connection, watched: statements it creates report themselves while they execute, and refuse to start once
     * the run is asked to stop.
     */
    public Connection watch(Connection connection, String database, ServerCheck serverCheck) {
        return proxy(Connection.class, connection, (target, method, args) -> {
            Object result = invoke(target, method, args);
            if (result instanceof Statement) {
                String sql = args != null && args.length > 0 && args[0] instanceof String ? (String) args[0] : null;
                return watchStatement((Statement) result, method.getReturnType(), sql, database, connection,
                        serverCheck);
            }
            return result;
        });
    }

    /** The DataSource, watched: every connection it opens is {@link #watch watched}. */
    public DataSource watching(DataSource dataSource, String database, ServerCheck serverCheck) {
        return proxy(DataSource.class, dataSource, (target, method, args) -> {
            Object result = invoke(target, method, args);
            return result instanceof Connection ? watch((Connection) result, database, serverCheck) : result;
        });
    }

    private Object watchStatement(Statement statement, Class<?> type, String preparedSql, String database,
                                  Connection connection, ServerCheck serverCheck) {
        Class<?> face = type == CallableStatement.class ? CallableStatement.class
                : type == PreparedStatement.class ? PreparedStatement.class : Statement.class;
        return proxy(face, statement, (target, method, args) -> {
            if (!method.getName().startsWith("execute")) {
                return invoke(target, method, args);
            }
            String sql = args != null && args.length > 0 && args[0] instanceof String ? (String) args[0]
                    : preparedSql == null ? "(batch)" : preparedSql;
            if (stop.requested()) {
                throw new SQLException("Not started, the run is stopping (" + stop.reason() + "): " + sql, "57014");
            }
            InFlightStatement entry = new InFlightStatement(currentStep, database, sql, System.nanoTime(), statement,
                    connection, serverCheck);
            inFlight.add(entry);
            try {
                return invoke(target, method, args);
            } finally {
                inFlight.remove(entry);
            }
        });
    }

    private interface Handler {
        Object handle(Object target, Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> face, Object target, Handler handler) {
        InvocationHandler invocation = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                switch (method.getName()) {
                    case "equals":
                        return proxy == args[0];
                    case "hashCode":
                        return System.identityHashCode(proxy);
                    default:
                        return invoke(target, method, args);
                }
            }
            return handler.handle(target, method, args);
        };
        return face.cast(Proxy.newProxyInstance(RunWatch.class.getClassLoader(), new Class<?>[] {face}, invocation));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
