package org.wso2.carbon.is.migration.datasource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.spi.InitialContextFactory;
import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChainedDataSourceLocatorTest {

    /** What the test JNDI context holds; {@link MapContextFactory} serves lookups from it. */
    static final Map<String, Object> JNDI = new java.util.concurrent.ConcurrentHashMap<>();

    private final String previousFactory = System.getProperty(Context.INITIAL_CONTEXT_FACTORY);

    @AfterEach
    void restoreJndi() {
        JNDI.clear();
        if (previousFactory == null) {
            System.clearProperty(Context.INITIAL_CONTEXT_FACTORY);
        } else {
            System.setProperty(Context.INITIAL_CONTEXT_FACTORY, previousFactory);
        }
    }

    @Test
    void returnsTheFirstLocatorsDataSourceWithoutAskingTheRest() throws Exception {
        DataSource first = new JdbcDataSource();
        List<String> asked = new ArrayList<>();
        ChainedDataSourceLocator chain = new ChainedDataSourceLocator(List.of(
                name -> {
                    asked.add("first");
                    return first;
                },
                name -> {
                    asked.add("second");
                    throw new DataSourceException("not here");
                }));

        assertSame(first, chain.locate("jdbc/WSO2IdentityDB"));
        assertEquals(List.of("first"), asked);
    }

    @Test
    void fallsThroughToJndiAndFindsTheDataSourceUnderJavaCompEnv() throws Exception {
        DataSource bound = new JdbcDataSource();
        System.setProperty(Context.INITIAL_CONTEXT_FACTORY, MapContextFactory.class.getName());
        JNDI.put("java:comp/env/jdbc/WSO2IdentityDB", bound);
        ChainedDataSourceLocator chain = new ChainedDataSourceLocator(List.of(
                name -> {
                    throw new DataSourceException("no OSGi service " + name);
                },
                new JndiDataSourceLocator()));

        assertSame(bound, chain.locate("jdbc/WSO2IdentityDB"));
    }

    @Test
    void reportsEveryLocatorsFailureWhenNoneFindsIt() {
        System.setProperty(Context.INITIAL_CONTEXT_FACTORY, MapContextFactory.class.getName());
        JNDI.put("jdbc/WSO2IdentityDB", "not a data source");
        ChainedDataSourceLocator chain = new ChainedDataSourceLocator(List.of(
                name -> {
                    throw new DataSourceException("no OSGi service " + name);
                },
                new JndiDataSourceLocator()));

        DataSourceException e = assertThrows(DataSourceException.class, () -> chain.locate("jdbc/WSO2IdentityDB"));

        String message = e.getMessage();
        assertTrue(message.contains("no OSGi service jdbc/WSO2IdentityDB"), message);
        assertTrue(message.contains("jdbc/WSO2IdentityDB: bound to java.lang.String, not a javax.sql.DataSource"),
                message);
        assertTrue(message.contains("java:comp/env/jdbc/WSO2IdentityDB: javax.naming.NameNotFoundException"),
                message);
        assertEquals(1, e.getSuppressed().length);
    }

    @Test
    void reportsAJndiTreeThatCannotBeOpened() {
        System.clearProperty(Context.INITIAL_CONTEXT_FACTORY);

        DataSourceException e = assertThrows(DataSourceException.class,
                () -> new JndiDataSourceLocator().locate("jdbc/WSO2IdentityDB"));

        assertTrue(e.getMessage().contains("jdbc/WSO2IdentityDB"), e.getMessage());
        assertTrue(e.getCause() instanceof javax.naming.NamingException, String.valueOf(e.getCause()));
    }

    /** A JNDI provider over {@link #JNDI}: only lookup and close are needed by the locator. */
    public static final class MapContextFactory implements InitialContextFactory {
        @Override
        public Context getInitialContext(Hashtable<?, ?> environment) {
            return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "lookup" -> {
                            Object value = JNDI.get(String.valueOf(args[0]));
                            if (value == null) {
                                throw new NameNotFoundException(String.valueOf(args[0]));
                            }
                            yield value;
                        }
                        case "close" -> null;
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }
}
