package org.wso2.carbon.is.migration.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.ServerSocket;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Driver;
import java.util.ArrayList;
import java.util.List;

import org.wso2.carbon.is.migration.api.Dialect;
import org.wso2.carbon.is.migration.sync.H2JournalTrigger;

/**
 * H2 in server mode: a TCP server started once per JVM (standing for the H2 server an operator serves the old
 * server's database from), whose databases the tests and the tool reach as clients over {@code jdbc:h2:tcp:}. Each
 * server has a class path of its own, as a separate process would, with the tool's classes on it or not; its clients
 * use the same H2 version's driver.
 */
public enum H2ServerEngine implements TestEngine {
    /** H2 2.x from the test class path, which holds the tool's classes. */
    CURRENT(null, true),
    /** H2 1.4.199, the engine IS 5.9.0 ships, with the tool's classes on its class path. */
    V1_4_199("1.4.199", true),
    /** H2 1.3.175, the engine IS 5.7.0 and 5.8.0 ship, with the tool's classes on its class path. */
    V1_3_175("1.3.175", true),
    /** H2 1.4.199 without the tool's classes: a server the operator did not give the jar. */
    V1_4_199_WITHOUT_THE_TOOL("1.4.199", false);

    /** The H2 version of a jar in {@code <test.drivers.dir>}; null for 2.x from the test class path. */
    private final String version;
    private final boolean withTheTool;
    private volatile Started started;

    H2ServerEngine(String version, boolean withTheTool) {
        this.version = version;
        this.withTheTool = withTheTool;
    }

    @Override
    public String label() {
        return "H2 " + (version == null ? org.h2.engine.Constants.VERSION : version) + " server"
                + (withTheTool ? "" : " without the tool's jar");
    }

    @Override
    public Dialect dialect() {
        return Dialect.H2;
    }

    @Override
    public List<String> factsDialects() {
        return List.of("h2");
    }

    @Override
    public TestDatabase newDatabase() {
        Started server = started();
        String name = UniqueNames.next("h2tcp");
        return new TestDatabase(Dialect.H2, label(), name, "jdbc:h2:tcp://localhost:" + server.port + "/" + name, "sa",
                "", server.driver);
    }

    private Started started() {
        Started server = started;
        if (server == null) {
            synchronized (this) {
                server = started;
                if (server == null) {
                    server = start();
                    started = server;
                }
            }
        }
        return server;
    }

    private Started start() {
        Path baseDir = WorkDirectory.of("h2server-" + name().toLowerCase());
        int port = freePort();
        try {
            ClassLoader loader = classLoader();
            Class<?> server = Class.forName("org.h2.tools.Server", true, loader);
            // Each test creates its databases through the server, as a new name is first opened: since 1.4.198 only
            // with -ifNotExists, which 1.3 does not know (it always did so).
            List<String> arguments = new ArrayList<>(List.of("-tcpPort", String.valueOf(port), "-baseDir",
                    baseDir.toString()));
            if (version == null || !version.startsWith("1.3.")) {
                arguments.add("-ifNotExists");
            }
            Object tcp = server.getMethod("createTcpServer", String[].class).invoke(null,
                    (Object) arguments.toArray(new String[0]));
            server.getMethod("start").invoke(tcp);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.getMethod("stop").invoke(tcp);
                } catch (ReflectiveOperationException e) {
                    // the JVM is ending anyway
                }
            }, "h2-server-stop"));
            Driver driver = (Driver) Class.forName("org.h2.Driver", true, loader).getDeclaredConstructor()
                    .newInstance();
            return new Started(port, driver);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Cannot start " + label() + " in " + baseDir + ": " + e.getCause(), e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot start " + label() + ": " + e, e);
        }
    }

    /** 2.x: the test class path; else the version's jar, with the tool's classes or not, over the platform loader. */
    private ClassLoader classLoader() {
        if (version == null) {
            return H2ServerEngine.class.getClassLoader();
        }
        try {
            URL h2 = H2Engines.jar(version).toUri().toURL();
            URL[] path = withTheTool
                    ? new URL[] {h2, H2JournalTrigger.class.getProtectionDomain().getCodeSource().getLocation()}
                    : new URL[] {h2};
            // Deliberately never closed: the server lives as long as the JVM.
            return new URLClassLoader(label(), path, ClassLoader.getPlatformClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return label();
    }

    private record Started(int port, Driver driver) {
    }
}
