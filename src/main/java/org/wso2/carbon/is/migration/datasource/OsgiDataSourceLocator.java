package org.wso2.carbon.is.migration.datasource;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.Filter;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds a DataSource registered as an OSGi service under a {@code dataSourceName} or {@code osgi.jndi.service.name}
 * property. The server may register its DataSources after the migration bundle starts, so this waits for a bounded
 * time rather than failing at once.
 */
public final class OsgiDataSourceLocator implements DataSourceLocator {

    private static final Logger LOG = LoggerFactory.getLogger(OsgiDataSourceLocator.class);
    static final List<String> NAME_PROPERTIES = Collections.unmodifiableList(Arrays.asList("dataSourceName",
            "osgi.jndi.service.name"));

    private final BundleContext bundleContext;
    private final Duration wait;

    /**
     * @param wait how long {@link #locate} waits for the service to appear; zero looks once without waiting
     */
    public OsgiDataSourceLocator(BundleContext bundleContext, Duration wait) {
        this.bundleContext = Objects.requireNonNull(bundleContext, "bundleContext");
        if (wait.isNegative()) {
            throw new IllegalArgumentException("The wait for a DataSource service cannot be negative: " + wait);
        }
        this.wait = wait;
    }

    @Override
    public DataSource locate(String dataSourceName) throws DataSourceException {
        String filterText = filterFor(dataSourceName);
        Filter filter;
        try {
            filter = bundleContext.createFilter(filterText);
        } catch (InvalidSyntaxException e) {
            throw new DataSourceException("Cannot look up DataSource service '" + dataSourceName + "': filter "
                    + filterText + " is invalid: " + e.getMessage(), e);
        }
        ServiceTracker<DataSource, DataSource> tracker = new ServiceTracker<>(bundleContext, filter, null);
        tracker.open();
        try {
            DataSource dataSource = wait.isZero() ? tracker.getService() : tracker.waitForService(wait.toMillis());
            if (dataSource == null) {
                throw new DataSourceException("No javax.sql.DataSource OSGi service named '" + dataSourceName
                        + "' appeared within " + wait + ": looked for properties " + NAME_PROPERTIES + " equal to "
                        + DataSourceNames.variants(dataSourceName) + " (filter " + filterText + ")");
            }
            LOG.info("Found DataSource service {} for '{}'", dataSource.getClass().getName(), dataSourceName);
            return dataSource;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataSourceException("Interrupted while waiting for DataSource service '" + dataSourceName + "'",
                    e);
        } finally {
            tracker.close();
        }
    }

    /** {@code (&(objectClass=javax.sql.DataSource)(|(dataSourceName=n)(osgi.jndi.service.name=n)...))}. */
    static String filterFor(String dataSourceName) {
        StringBuilder names = new StringBuilder("(|");
        for (String variant : DataSourceNames.variants(dataSourceName)) {
            for (String property : NAME_PROPERTIES) {
                names.append('(').append(property).append('=').append(escape(variant)).append(')');
            }
        }
        names.append(')');
        return "(&(" + Constants.OBJECTCLASS + "=" + DataSource.class.getName() + ")" + names + ")";
    }

    /** Escapes the characters RFC 1960 filters give meaning to, so a name is matched literally. */
    private static String escape(String value) {
        StringBuilder escaped = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c == '\\' || c == '*' || c == '(' || c == ')') {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
