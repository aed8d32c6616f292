package org.wso2.carbon.is.migration.datasource;

import java.io.Closeable;
import java.io.IOException;
import java.lang.reflect.Method;
import java.math.BigInteger;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the JDBC drivers of an Identity Server installation for a standalone run, in one class loader of their own.
 *
 * <p>The loader sees the jars of {@code <IS_HOME>/repository/components/lib} and any extra directories, then the
 * server's own H2 bundle ({@code repository/components/plugins/h2_*.jar}), and nothing of the caller's class path: its
 * parent is the platform class loader. So the drivers are exactly the ones the operator's server uses, and an H2 2.x
 * on our class path can never open (and fail on) the 1.4 files IS 5.9.0 writes. Jars listed first win, so an H2
 * driver the operator put in {@code lib} is used before the bundled one.
 */
public final class JdbcDriverLoader implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcDriverLoader.class);
    private static final String H2_BUNDLE_PREFIX = "h2_";

    private final List<Path> searchedDirs;
    private final List<Path> jars;
    private final URLClassLoader classLoader;
    private final Map<String, Driver> driversByClass = new LinkedHashMap<>();
    private boolean serviceDriversLoaded;

    /**
     * @param isHome       the Identity Server directory
     * @param extraLibDirs more directories of driver jars (the {@code --lib} option), searched after the server's
     *                     {@code lib}
     */
    public JdbcDriverLoader(Path isHome, List<Path> extraLibDirs) throws DataSourceException {
        Path components = isHome.resolve("repository").resolve("components");
        Path plugins = components.resolve("plugins");
        List<Path> libDirs = new ArrayList<>();
        libDirs.add(components.resolve("lib"));
        libDirs.addAll(extraLibDirs);
        this.searchedDirs = new ArrayList<>(libDirs);
        this.searchedDirs.add(plugins);
        List<Path> found = new ArrayList<>();
        for (Path dir : libDirs) {
            found.addAll(jarsIn(dir, ""));
        }
        found.addAll(newestFirst(jarsIn(plugins, H2_BUNDLE_PREFIX)));
        this.jars = Collections.unmodifiableList(found);
        this.classLoader = driverClassLoader(toUrls(jars));
        LOG.info("JDBC driver jars: {}", jars);
    }

    /** The directories searched for driver jars, in search order. */
    public List<Path> searchedDirs() {
        return Collections.unmodifiableList(searchedDirs);
    }

    /**
     * The driver for a database: the configured {@link DatabaseSettings#driverClass()} when one of the jars has it,
     * otherwise the first driver that accepts the URL.
     *
     * @throws DataSourceException naming the type, the URL (masked) and every directory searched, when none fits
     */
    public synchronized Driver driverFor(DatabaseSettings settings) throws DataSourceException {
        Driver configured = driverByClassName(settings.driverClass());
        if (configured != null) {
            return configured;
        }
        loadServiceDrivers();
        for (Driver driver : driversByClass.values()) {
            try {
                if (driver.acceptsURL(settings.url())) {
                    LOG.info("Driver class {} not found; using {}, which accepts {}", settings.driverClass(),
                            driver.getClass().getName(), settings.maskedUrl());
                    return driver;
                }
            } catch (SQLException e) {
                LOG.debug("Driver {} cannot judge URL {}", driver.getClass().getName(), settings.maskedUrl(), e);
            }
        }
        throw new DataSourceException("No JDBC driver for the " + settings.type() + " database '" + settings.id()
                + "' (url " + settings.maskedUrl() + ", driver class " + settings.driverClass() + "): none in "
                + searchedDirs + " (H2 bundles are looked for as plugins/" + H2_BUNDLE_PREFIX + "*.jar). Put the "
                + "driver jar into " + searchedDirs.get(0) + " or give its directory with --lib");
    }

    private Driver driverByClassName(String className) throws DataSourceException {
        if (className == null || className.codePoints().allMatch(Character::isWhitespace)) {
            return null;
        }
        Driver known = driversByClass.get(className);
        if (known != null) {
            return known;
        }
        Class<?> type;
        try {
            type = Class.forName(className, true, classLoader);
        } catch (ClassNotFoundException | LinkageError e) {
            LOG.debug("Driver class {} is not in {}", className, jars, e);
            return null;
        }
        if (!Driver.class.isAssignableFrom(type)) {
            throw new DataSourceException("Configured driver " + className + " (from " + jarOf(type)
                    + ") is not a java.sql.Driver");
        }
        try {
            Driver driver = (Driver) type.getDeclaredConstructor().newInstance();
            driversByClass.put(className, driver);
            return driver;
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new DataSourceException("Cannot create JDBC driver " + className + " from " + jarOf(type) + ": " + e,
                    e);
        }
    }

    /** The drivers the jars declare in {@code META-INF/services/java.sql.Driver}; broken entries are skipped. */
    private void loadServiceDrivers() {
        if (serviceDriversLoaded) {
            return;
        }
        serviceDriversLoaded = true;
        Iterator<Driver> drivers = ServiceLoader.load(Driver.class, classLoader).iterator();
        while (true) {
            try {
                if (!drivers.hasNext()) {
                    break;
                }
                Driver driver = drivers.next();
                driversByClass.putIfAbsent(driver.getClass().getName(), driver);
            } catch (ServiceConfigurationError | LinkageError e) {
                LOG.warn("Skipping a JDBC driver that cannot be loaded from {}: {}", jars, e.toString());
            }
        }
    }

    private static String jarOf(Class<?> type) {
        CodeSource codeSource = type.getProtectionDomain().getCodeSource();
        return codeSource == null ? "unknown location" : String.valueOf(codeSource.getLocation());
    }

    private static List<Path> jarsIn(Path dir, String namePrefix) throws DataSourceException {
        if (!Files.isDirectory(dir)) {
            return Collections.emptyList();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> {
                String name = file.getFileName().toString();
                return name.startsWith(namePrefix) && name.endsWith(".jar") && Files.isRegularFile(file);
            }).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new DataSourceException("Cannot list driver jars in " + dir + ": " + e, e);
        }
    }

    /**
     * Several H2 bundles can sit in plugins after updates; the newest (by version in the name) goes first so it wins.
     */
    private static List<Path> newestFirst(List<Path> bundles) {
        List<Path> ordered = new ArrayList<>(bundles);
        ordered.sort((a, b) -> compareVersions(b.getFileName().toString(), a.getFileName().toString()));
        if (ordered.size() > 1) {
            LOG.warn("Several H2 bundles in plugins: {}; {} is used unless lib holds an H2 driver", ordered,
                    ordered.get(0).getFileName());
        }
        return ordered;
    }

    /** Compares names by their digit runs as numbers, so h2_1.4.200 sorts after h2_1.4.199. */
    private static int compareVersions(String a, String b) {
        String[] partsA = a.split("\\D+");
        String[] partsB = b.split("\\D+");
        for (int i = 0; i < Math.min(partsA.length, partsB.length); i++) {
            if (partsA[i].isEmpty() || partsB[i].isEmpty()) {
                continue;
            }
            int order = new BigInteger(partsA[i]).compareTo(new BigInteger(partsB[i]));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(partsA.length, partsB.length);
    }

    /**
     * A class loader over the driver jars whose parent is the platform class loader, so it sees the JDK but nothing of
     * the caller's class path. {@code ClassLoader.getPlatformClassLoader()} and named class loaders exist from Java 9
     * on, so they are called reflectively there; on Java 8 the extension class loader (the parent of the application
     * class loader), which Java 9 replaced with the platform class loader, takes its place, and the loader is unnamed.
     */
    private static URLClassLoader driverClassLoader(URL[] urls) {
        Method platformLoader;
        try {
            platformLoader = ClassLoader.class.getMethod("getPlatformClassLoader");
        } catch (NoSuchMethodException java8) {
            return new URLClassLoader(urls, ClassLoader.getSystemClassLoader().getParent());
        }
        try {
            ClassLoader platform = (ClassLoader) platformLoader.invoke(null);
            return URLClassLoader.class.getConstructor(String.class, URL[].class, ClassLoader.class)
                    .newInstance("jdbc-drivers", urls, platform);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot create the class loader for the JDBC drivers: " + e, e);
        }
    }

    private static URL[] toUrls(List<Path> jars) throws DataSourceException {
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = jars.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new DataSourceException("Cannot use driver jar " + jars.get(i) + ": " + e.getMessage(), e);
            }
        }
        return urls;
    }

    @Override
    public void close() throws IOException {
        classLoader.close();
    }
}
