package org.wso2.carbon.is.migration.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The build check behind "runs in IS 5.9.0": the jar that ships holds only Java 8 class files (major version 52 or
 * lower, embedded libraries included) and its manifest asks for nothing Carbon 4.5's runtime lacks (Java 8, DS 1.2,
 * the framework and SLF4J versions it exports). The in-server boots prove the same by running it; this check names
 * the offending class or header.
 */
class BundleTargetsTheIs590RuntimeIT {

    private static final int JAVA_8 = 52;
    private static JarFile jar;
    private static Attributes manifest;

    @BeforeAll
    static void openJar() throws IOException {
        jar = new JarFile(Paths.get(System.getProperty("migration.bundle.jar")).toFile());
        manifest = jar.getManifest().getMainAttributes();
    }

    @Test
    void everyClassInTheJarIsAJava8ClassFile() throws IOException {
        List<String> tooNew = new ArrayList<>();
        int classes = 0;
        for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
            JarEntry entry = entries.nextElement();
            if (!entry.getName().endsWith(".class")) {
                continue;
            }
            classes++;
            int major = majorVersion(entry);
            if (major > JAVA_8) {
                tooNew.add(entry.getName() + " (major " + major + ")");
            }
        }
        assertTrue(classes > 100, "the jar holds the classes: " + classes);
        assertEquals(new ArrayList<>(), tooNew, "classes above Java 8 in the jar");
    }

    @Test
    void theManifestAsksForJava8AtMost() {
        String requirements = header("Require-Capability");
        Matcher ee = Pattern.compile("osgi\\.ee=JavaSE\\)\\(version=([0-9.]+)\\)").matcher(requirements);
        assertTrue(ee.find(), "an osgi.ee requirement: " + requirements);
        assertEquals("1.8", ee.group(1), requirements);
        assertFalse(manifest.getValue("Bundle-RequiredExecutionEnvironment") != null
                && !manifest.getValue("Bundle-RequiredExecutionEnvironment").contains("1.8"));
    }

    @Test
    void noDeclarativeServicesRequirementAboveWhatEquinoxDs14Provides() throws IOException {
        String requirements = manifest.getValue("Require-Capability");
        assertFalse(requirements != null && requirements.contains("osgi.extender"),
                "Equinox DS 1.4 provides osgi.extender=osgi.component 1.2 only: " + requirements);
        String components = header("Service-Component");
        for (String description : components.split(",")) {
            JarEntry entry = jar.getJarEntry(description.trim());
            assertNotNull(entry, "component description " + description + " in the jar");
            String xml;
            try (InputStream in = jar.getInputStream(entry)) {
                xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Matcher namespace = Pattern.compile("http://www\\.osgi\\.org/xmlns/scr/v(1\\.[0-9]+)\\.0").matcher(xml);
            assertTrue(namespace.find(), description + " declares an scr namespace");
            assertTrue(namespace.group(1).compareTo("1.2") <= 0 && namespace.group(1).length() == 3,
                    description + " uses scr v" + namespace.group(1) + ", Equinox DS 1.4 reads v1.0.0-v1.2.0");
        }
    }

    @Test
    void importsAreWhatTheIs590RuntimeExports() {
        String imports = header("Import-Package");
        assertVersionRangeAdmits(imports, "org.slf4j", "1.7.26");        // pax-logging-api 1.11.0
        assertVersionRangeAdmits(imports, "org.osgi.framework", "1.9");   // Equinox 3.14
        assertFalse(imports.contains("org.osgi.service.component"), "no DS API needed at run time: " + imports);
        assertFalse(imports.replace("org.wso2.carbon.is.migration.api", "").contains("org.wso2."),
                "no static import of WSO2 packages (only the bundle's own exported API): " + imports);
        assertEquals("org.wso2.carbon.identity.core.migrate", header("DynamicImport-Package"));
        assertEquals("org.wso2.carbon.is.migration.api;version=\"1.0.0\"", header("Export-Package"),
                "only the SPI is exported");
    }

    private static void assertVersionRangeAdmits(String imports, String pkg, String version) {
        Matcher clause = Pattern.compile("(?:^|,)" + Pattern.quote(pkg) + ";version=\"\\[([0-9.]+),([0-9.]+)\\)\"")
                .matcher(imports);
        assertTrue(clause.find(), pkg + " imported with a range: " + imports);
        assertTrue(compare(clause.group(1), version) <= 0 && compare(version, clause.group(2)) < 0,
                pkg + " [" + clause.group(1) + "," + clause.group(2) + ") admits " + version);
    }

    private static int compare(String left, String right) {
        String[] a = left.split("\\.");
        String[] b = right.split("\\.");
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            int x = i < a.length ? Integer.parseInt(a[i]) : 0;
            int y = i < b.length ? Integer.parseInt(b[i]) : 0;
            if (x != y) {
                return Integer.compare(x, y);
            }
        }
        return 0;
    }

    private static String header(String name) {
        String value = manifest.getValue(name);
        assertNotNull(value, name + " header");
        return value;
    }

    private static int majorVersion(JarEntry entry) throws IOException {
        try (DataInputStream in = new DataInputStream(jar.getInputStream(entry))) {
            assertEquals(0xCAFEBABE, in.readInt(), entry.getName() + " is a class file");
            in.readUnsignedShort();
            return in.readUnsignedShort();
        }
    }
}
