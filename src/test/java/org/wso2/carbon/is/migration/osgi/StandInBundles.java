package org.wso2.carbon.is.migration.osgi;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.wso2.carbon.is.migration.testsupport.WorkDirectory;

/**
 * Jars made from the test classes for a boot: two stand-in bundles for the parts of Carbon and identity core the
 * migration bundle meets (interfaces written from their public descriptions; WSO2's artifacts are not on Maven
 * Central), and the launcher's own jar.
 */
final class StandInBundles {

    /** Exports Carbon's DataSourceService and RealmService interfaces; the launcher registers them. */
    static final String CARBON_CORE = "standin.carbon.core";
    /** Exports identity core's migration interfaces and runs {@code IdentityCoreStandIn}, a DS 1.2 component. */
    static final String IDENTITY_CORE = "standin.identity.core";

    private StandInBundles() {
    }

    static synchronized Path carbonCore() {
        return bundle(CARBON_CORE, "org.wso2.carbon.ndatasource.core,org.wso2.carbon.user.core.service", null, null,
                "org/wso2/carbon/ndatasource/core/", "org/wso2/carbon/user/core/service/");
    }

    static synchronized Path identityCore() {
        return bundle(IDENTITY_CORE, "org.wso2.carbon.identity.core.migrate,org.wso2.carbon.identity.core.util",
                "org.osgi.framework", "osgi-standin/identity-core.xml",
                "org/wso2/carbon/identity/core/migrate/", "org/wso2/carbon/identity/core/util/",
                "org/wso2/carbon/is/migration/osgi/standin/");
    }

    /** A deployment's own migrator, published as an OSGi service through the bundle's exported SPI. */
    static synchronized Path customMigrator() {
        Manifest manifest = manifest("standin.custom.migrator",
                "org.osgi.framework,org.wso2.carbon.is.migration.api;version=\"[1.0,2)\"");
        manifest.getMainAttributes().putValue("Bundle-Activator",
                "org.wso2.carbon.is.migration.osgi.custom.MarkerTableMigratorActivator");
        return jar("standin.custom.migrator", manifest, null, "org/wso2/carbon/is/migration/osgi/custom/");
    }

    /** The launcher's classes, for the child JVM's class path. */
    static synchronized Path launcher() {
        return jar("launcher", null, null, "org/wso2/carbon/is/migration/osgi/launcher/");
    }

    private static Path bundle(String name, String exports, String imports, String component, String... folders) {
        Manifest manifest = manifest(name, imports);
        Attributes main = manifest.getMainAttributes();
        main.putValue("Export-Package", exports);
        if (component != null) {
            main.putValue("Service-Component", component);
        }
        return jar(name, manifest, component, folders);
    }

    private static Manifest manifest(String name, String imports) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", name);
        main.putValue("Bundle-Version", "1.0.0");
        if (imports != null) {
            main.putValue("Import-Package", imports);
        }
        return manifest;
    }

    /** A jar of the test classes in {@code folders}, plus one test resource when {@code resource} is not null. */
    private static Path jar(String name, Manifest manifest, String resource, String... folders) {
        Path jar = WorkDirectory.of("osgi-standins").resolve(name + ".jar");
        Path classes = testClasses();
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = manifest == null ? new JarOutputStream(file) : new JarOutputStream(file, manifest)) {
            for (String folder : folders) {
                for (Path entry : list(classes.resolve(folder))) {
                    add(out, folder + entry.getFileName(), entry);
                }
            }
            if (resource != null) {
                add(out, resource, classes.resolve(resource));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar;
    }

    private static void add(JarOutputStream out, String name, Path file) throws IOException {
        out.putNextEntry(new JarEntry(name));
        Files.copy(file, out);
        out.closeEntry();
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        }
    }

    /** target/test-classes, where the stand-ins and their component description are. */
    private static Path testClasses() {
        try {
            return Paths.get(StandInBundles.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
