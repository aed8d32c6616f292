package org.wso2.carbon.is.migration.datasource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;

/** Asks several locators in turn and returns the first DataSource found; if none finds it, reports every failure. */
public final class ChainedDataSourceLocator implements DataSourceLocator {

    private final List<DataSourceLocator> locators;

    public ChainedDataSourceLocator(List<DataSourceLocator> locators) {
        if (locators.isEmpty()) {
            throw new IllegalArgumentException("A chain needs at least one DataSource locator");
        }
        // An unmodifiable copy that, like List.copyOf, refuses null entries.
        List<DataSourceLocator> copy = new ArrayList<>(locators);
        copy.forEach(Objects::requireNonNull);
        this.locators = Collections.unmodifiableList(copy);
    }

    /**
     * The server's lookup: JNDI first, where Carbon binds its DataSources (an immediate answer), then OSGi
     * {@code javax.sql.DataSource} services, waiting up to {@code wait} for one still being registered.
     */
    public static ChainedDataSourceLocator inServer(BundleContext bundleContext, Duration wait) {
        return new ChainedDataSourceLocator(Arrays.<DataSourceLocator>asList(new JndiDataSourceLocator(),
                new OsgiDataSourceLocator(bundleContext, wait)));
    }

    @Override
    public DataSource locate(String dataSourceName) throws DataSourceException {
        List<DataSourceException> failures = new ArrayList<>();
        for (DataSourceLocator locator : locators) {
            try {
                return locator.locate(dataSourceName);
            } catch (DataSourceException e) {
                failures.add(e);
            }
        }
        StringBuilder message = new StringBuilder("DataSource '").append(dataSourceName).append("' not found:");
        for (DataSourceException failure : failures) {
            message.append("\n  - ").append(failure.getMessage());
        }
        DataSourceException notFound = new DataSourceException(message.toString(), failures.get(0));
        failures.stream().skip(1).forEach(notFound::addSuppressed);
        throw notFound;
    }
}
