package org.wso2.carbon.is.migration.datasource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Finds a DataSource in the server's JNDI tree, where Carbon binds the DataSources it configures with a JNDI name:
 * under the name as given, then under {@code java:comp/env/<name>}.
 */
public final class JndiDataSourceLocator implements DataSourceLocator {

    static final String COMPONENT_ENVIRONMENT = "java:comp/env/";

    @Override
    public DataSource locate(String dataSourceName) throws DataSourceException {
        // requireNonNull: List.of refused a null name here, before any lookup.
        List<String> names = Arrays.asList(Objects.requireNonNull(dataSourceName),
                COMPONENT_ENVIRONMENT + dataSourceName);
        List<String> failures = new ArrayList<>();
        NamingException firstFailure = null;
        InitialContext context = null;
        try {
            context = new InitialContext();
            for (String name : names) {
                try {
                    Object bound = context.lookup(name);
                    if (bound instanceof DataSource) {
                        return (DataSource) bound;
                    }
                    failures.add(name + ": bound to " + (bound == null ? "null" : bound.getClass().getName())
                            + ", not a javax.sql.DataSource");
                } catch (NamingException e) {
                    failures.add(name + ": " + e);
                    firstFailure = firstFailure == null ? e : firstFailure;
                }
            }
        } catch (NamingException e) {
            throw new DataSourceException("Cannot open the JNDI context to look up DataSource '" + dataSourceName
                    + "': " + e, e);
        } finally {
            closeQuietly(context);
        }
        throw new DataSourceException("No DataSource '" + dataSourceName + "' in JNDI: " + String.join("; ", failures),
                firstFailure);
    }

    private static void closeQuietly(InitialContext context) {
        if (context != null) {
            try {
                context.close();
            } catch (NamingException ignored) {
                // Closing only releases the context's resources; the lookup result stands either way.
            }
        }
    }
}
