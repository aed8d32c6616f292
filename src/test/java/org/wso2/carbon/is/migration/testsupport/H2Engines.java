package org.wso2.carbon.is.migration.testsupport;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Driver;
import java.util.List;

import org.wso2.carbon.is.migration.api.Dialect;

/**
 * The two H2 engines: 2.x from the test class path, and 1.4.199, the engine IS 5.7-5.9 ship and whose database files
 * 2.x cannot open. 1.4.199 is loaded from {@code <test.drivers.dir>/h2-1.4.199.jar} (copied there by the build) in a
 * class loader whose parent is the platform class loader, so it never sees the 2.x classes on the class path.
 */
public enum H2Engines implements TestEngine {
    /** H2 2.x, the version on the test class path. */
    CURRENT {
        @Override
        Driver loadDriver() {
            return new org.h2.Driver();
        }

        @Override
        public String label() {
            return "H2 " + org.h2.engine.Constants.VERSION;
        }
    },
    /** H2 1.4.199 in an isolated class loader. */
    V1_4_199 {
        @Override
        Driver loadDriver() {
            Path jar = jar("1.4.199");
            try {
                // Deliberately never closed: the engine lives as long as the JVM.
                URLClassLoader loader = new URLClassLoader("h2-1.4.199", new URL[] {jar.toUri().toURL()},
                        ClassLoader.getPlatformClassLoader());
                return (Driver) Class.forName("org.h2.Driver", true, loader).getDeclaredConstructor().newInstance();
            } catch (MalformedURLException | ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot load H2 1.4.199 from " + jar.toAbsolutePath() + ": " + e, e);
            }
        }

        @Override
        public String label() {
            return "H2 1.4.199";
        }
    };

    private volatile Driver driver;

    /** The jar of an H2 {@code version} that the build copies to {@code <test.drivers.dir>}. */
    static Path jar(String version) {
        Path jar = Path.of(System.getProperty("test.drivers.dir", "target/test-drivers"), "h2-" + version + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("H2 " + version + " not found at " + jar.toAbsolutePath() + "; the build"
                    + " copies it there in generate-test-resources (run through Maven, or set -Dtest.drivers.dir)");
        }
        return jar;
    }

    abstract Driver loadDriver();

    /** The engine's JDBC driver (loaded once). */
    public Driver driver() {
        Driver loaded = driver;
        if (loaded == null) {
            synchronized (this) {
                loaded = driver;
                if (loaded == null) {
                    loaded = loadDriver();
                    driver = loaded;
                }
            }
        }
        return loaded;
    }

    @Override
    public Dialect dialect() {
        return Dialect.H2;
    }

    @Override
    public List<String> factsDialects() {
        return List.of("h2");
    }

    /** A fresh in-memory database that lives until the JVM ends. */
    @Override
    public TestDatabase newDatabase() {
        String name = UniqueNames.next("h2mem");
        return database(name, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    }

    /** A fresh database in a file under {@code <java.io.tmpdir>/h2}, as the server keeps its databases. */
    public TestDatabase newFileDatabase() {
        String name = UniqueNames.next("h2file");
        Path file = WorkDirectory.of("h2").resolve(name);
        return database(name, "jdbc:h2:" + file);
    }

    private TestDatabase database(String name, String url) {
        return new TestDatabase(Dialect.H2, label(), name, url, "sa", "", driver());
    }

    @Override
    public String toString() {
        return label();
    }
}
