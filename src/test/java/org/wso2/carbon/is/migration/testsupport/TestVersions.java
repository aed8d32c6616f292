package org.wso2.carbon.is.migration.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Versions from pom.xml, for tests that provision bundles from the local Maven repository. */
public final class TestVersions {

    private static final Properties VERSIONS = load();

    private TestVersions() {
    }

    public static String of(String artifactId) {
        String version = VERSIONS.getProperty(artifactId);
        if (version == null) {
            throw new IllegalArgumentException("No version for " + artifactId + " in test-versions.properties");
        }
        return version;
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = TestVersions.class.getResourceAsStream("/test-versions.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
