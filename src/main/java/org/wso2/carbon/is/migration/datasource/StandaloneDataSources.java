package org.wso2.carbon.is.migration.datasource;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

/**
 * The databases of an Identity Server installation, reached without the server: settings from its
 * {@code deployment.toml}, drivers from its {@code lib} and {@code plugins} directories (plus {@code --lib}
 * directories). Databases are asked for by the DataSource name the server would use, so the migration config reads the
 * same in the server and standalone.
 */
public final class StandaloneDataSources implements Closeable {

    /** Server DataSource names (and the spellings accepted for them) to their {@code [database.<id>]} section. */
    private static final Map<String, String> SECTION_BY_NAME = sectionsByName();

    private final Path tomlFile;
    private final Map<String, DatabaseSettings> databases;
    private final JdbcDriverLoader drivers;
    private final List<KeptOpenDataSource> keptOpen = new ArrayList<>();

    /**
     * Reads {@code <isHome>/repository/conf/deployment.toml} and prepares the driver class loader.
     *
     * @param extraLibDirs directories with more driver jars, searched after {@code repository/components/lib}
     */
    public StandaloneDataSources(Path isHome, List<Path> extraLibDirs) throws DataSourceException {
        this.tomlFile = DeploymentToml.fileUnder(isHome);
        this.databases = DeploymentToml.read(isHome);
        this.drivers = new JdbcDriverLoader(isHome, extraLibDirs);
    }

    /**
     * A DataSource for the database the server knows as {@code dataSourceName}, e.g. {@code jdbc/WSO2IdentityDB}.
     * Connections are opened with the installation's own driver, not pooled; for an embedded H2 database one
     * connection stays open until {@link #close} ({@link KeptOpenDataSource}).
     *
     * @throws DataSourceException for an unknown name (listing the known ones), a section missing from
     *                             {@code deployment.toml}, or no driver for the database
     */
    public DataSource dataSource(String dataSourceName) throws DataSourceException {
        DatabaseSettings settings = settingsFor(dataSourceName);
        Driver driver = drivers.driverFor(settings);
        DriverDataSource direct = new DriverDataSource(driver, settings.url(), settings.username(),
                settings.password());
        if (!KeptOpenDataSource.isEmbeddedH2(settings.url())) {
            return direct;
        }
        KeptOpenDataSource keptOpen = new KeptOpenDataSource(direct);
        this.keptOpen.add(keptOpen);
        return keptOpen;
    }

    /** Where {@code dataSourceName} points, without secrets, for logs: section, type, URL and user. */
    public String describe(String dataSourceName) throws DataSourceException {
        DatabaseSettings settings = settingsFor(dataSourceName);
        return dataSourceName + " = [database." + settings.id() + "] of " + settings.source() + ": type "
                + settings.type() + ", url " + settings.maskedUrl() + ", user " + settings.username();
    }

    /** The settings behind a server DataSource name. */
    public DatabaseSettings settingsFor(String dataSourceName) throws DataSourceException {
        String section = SECTION_BY_NAME.get(dataSourceName == null ? null : dataSourceName.trim());
        if (section == null) {
            throw new DataSourceException("Unknown DataSource name '" + dataSourceName + "' for a standalone run; "
                    + "known names: " + SECTION_BY_NAME.keySet());
        }
        DatabaseSettings settings = databases.get(section);
        if (settings == null) {
            throw new DataSourceException(tomlFile + " has no [database." + section + "] section, which holds the "
                    + "settings of " + dataSourceName + " in IS 5.9.0 (type, url, username, password)");
        }
        return settings;
    }

    private static Map<String, String> sectionsByName() {
        Map<String, String> sections = new LinkedHashMap<>();
        for (String name : Arrays.asList("jdbc/WSO2IdentityDB", "WSO2IdentityDB", "WSO2_IDENTITY_DB")) {
            sections.put(name, "identity_db");
        }
        for (String name : Arrays.asList("jdbc/SHARED_DB", "SHARED_DB", "WSO2_SHARED_DB")) {
            sections.put(name, "shared_db");
        }
        return Collections.unmodifiableMap(sections);
    }

    /** Closes the connections kept open to embedded H2 databases (which closes those databases), then the drivers. */
    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (KeptOpenDataSource source : keptOpen) {
            try {
                source.close();
            } catch (SQLException e) {
                failure = failure == null ? new IOException("Could not close " + source + ": " + e.getMessage(), e)
                        : failure;
            }
        }
        keptOpen.clear();
        drivers.close();
        if (failure != null) {
            throw failure;
        }
    }
}
