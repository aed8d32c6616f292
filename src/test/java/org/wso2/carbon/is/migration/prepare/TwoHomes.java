package org.wso2.carbon.is.migration.prepare;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.wso2.carbon.is.migration.testsupport.WorkDirectory;

/**
 * An old IS 5.8.0-like home and a new 5.9.0-like home as {@code prepare} finds them: the old one with carbon.xml,
 * custom bundles in dropins, JARs in lib, keystores, a tenant's files and secondary user stores; the new one with a
 * deployment.toml, its own keystore and JARs. Keystores are made with the JDK's keytool.
 */
final class TwoHomes {

    static final String OLD_STORE_PASSWORD = "Old-St0re-Secret";
    static final String NEW_STORE_PASSWORD = "New-St0re-Secret";
    static final String CUSTOM_P12_PASSWORD = "P12-0ption-Secret";

    /** deployment.toml of the new home: the layout of IS 5.9.0's own, with the test's keystore password. */
    static final String DEPLOYMENT_TOML = "[server]\n"
            + "hostname = \"localhost\"\n"
            + "node_ip = \"127.0.0.1\"\n"
            + "\n"
            + "[super_admin]\n"
            + "username = \"admin\"\n"
            + "password = \"admin\"\n"
            + "create_admin_account = true\n"
            + "\n"
            + "[database.identity_db]\n"
            + "type = \"h2\"\n"
            + "url = \"jdbc:h2:./repository/database/WSO2IDENTITY_DB;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=60000\"\n"
            + "username = \"wso2carbon\"\n"
            + "password = \"wso2carbon\"\n"
            + "\n"
            + "[keystore.primary]\n"
            + "file_name = \"wso2carbon.jks\"\n"
            + "password = \"" + NEW_STORE_PASSWORD + "\"\n"
            + "\n"
            + "[truststore]\n"
            + "file_name=\"client-truststore.jks\"\n"
            + "password=\"" + NEW_STORE_PASSWORD + "\"\n"
            + "type=\"JKS\"\n"
            + "\n"
            + "# The KeyStore which is used for encrypting/decrypting internal data.\n"
            + "#[keystore.internal]\n"
            + "#file_name = \"$ref{keystore.primary.file_name}\"\n";

    private static final Map<String, byte[]> KEYSTORES = new ConcurrentHashMap<>();

    private final Path old;
    private final Path fresh;

    private TwoHomes(Path old, Path fresh) {
        this.old = old;
        this.fresh = fresh;
    }

    /** Both homes, the old one's primary keystore holding an RSA key of {@code oldKeyBits}. */
    static TwoHomes create(String name, int oldKeyBits) {
        Path root = WorkDirectory.of("prepare-homes").resolve(name + "-" + ProcessHandle.current().pid() + "-"
                + System.nanoTime());
        TwoHomes homes = new TwoHomes(root.resolve("wso2is-5.8.0"), root.resolve("wso2is-5.9.0"));
        homes.writeOld(oldKeyBits);
        homes.writeNew();
        return homes;
    }

    /** Homes at given folders, as they are (for runs on folders that are not homes). */
    static TwoHomes at(Path old, Path fresh) {
        return new TwoHomes(old, fresh);
    }

    Path old() {
        return old;
    }

    Path fresh() {
        return fresh;
    }

    private void writeOld(int oldKeyBits) {
        write(old, "repository/conf/carbon.xml", carbonXml());
        bundle(old, "repository/components/dropins/org.example.custom.authenticator-1.0.0.jar", "custom.auth", "1.0");
        bundle(old, "repository/components/dropins/org.example.claim.handler-2.1.0.jar", "claim.handler", "2.1");
        bundle(old, "repository/components/lib/mysql-connector-java-5.1.47.jar", "mysql", "5.1.47");
        bundle(old, "repository/components/lib/shared-util.jar", "shared.util", "1.0");
        bundle(old, "repository/components/lib/same-in-both.jar", "same", "1.0");
        keystore(old, "wso2carbon.jks", "JKS", oldKeyBits, OLD_STORE_PASSWORD);
        keystore(old, "client-truststore.jks", "JKS", 2048, OLD_STORE_PASSWORD);
        keystore(old, "custom.p12", "PKCS12", 2048, CUSTOM_P12_PASSWORD);
        write(old, "repository/resources/security/not-a-keystore.txt", "carried by no rule\n");
        write(old, "repository/tenants/1/repository/deployment/server/userstores/TENANT_LDAP.xml",
                "<UserStoreManager class=\"org.wso2.carbon.user.core.ldap.ReadWriteLDAPUserStoreManager\"/>\n");
        write(old, "repository/tenants/1/repository/deployment/server/webapps/readme.txt", "tenant 1 webapps\n");
        write(old, "repository/tenants/2/repository/deployment/server/synapse-configs/default/proxy.xml",
                "<proxy name=\"tenant2\"/>\n");
        write(old, "repository/deployment/server/userstores/SECONDARY_JDBC.xml",
                "<UserStoreManager class=\"org.wso2.carbon.user.core.jdbc.UniqueIDJDBCUserStoreManager\"/>\n");
        write(old, "repository/deployment/server/userstores/PARTNERS.xml", "<UserStoreManager name=\"old\"/>\n");
    }

    private void writeNew() {
        write(fresh, "repository/conf/deployment.toml", DEPLOYMENT_TOML);
        bundle(fresh, "repository/components/lib/shared-util.jar", "shared.util", "5.9-distribution");
        keystore(fresh, "wso2carbon.jks", "JKS", 2048, NEW_STORE_PASSWORD);
        keystore(fresh, "client-truststore.jks", "JKS", 2048, NEW_STORE_PASSWORD);
        write(fresh, "repository/deployment/server/userstores/PARTNERS.xml", "<UserStoreManager name=\"new\"/>\n");
        try {
            // A JAR both distributions ship unchanged: the same bytes (a JAR written again differs by its times).
            Files.copy(old.resolve("repository/components/lib/same-in-both.jar"),
                    fresh.resolve("repository/components/lib/same-in-both.jar"));
            Files.createDirectories(fresh.resolve("repository/components/dropins"));
            Files.createDirectories(fresh.resolve("repository/tenants"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A 5.8.0 carbon.xml's security part, in its namespace, with the keystores in plain text. */
    private static String carbonXml() {
        return "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
                + "<!-- a 5.8.0 carbon.xml, cut to what prepare reads -->\n"
                + "<Server xmlns=\"http://wso2.org/projects/carbon/carbon.xml\">\n"
                + "    <Name>WSO2 Identity Server</Name>\n"
                + "    <Version>5.8.0</Version>\n"
                + "    <Security>\n"
                + "        <KeyStore>\n"
                + "            <Location>${carbon.home}/repository/resources/security/wso2carbon.jks</Location>\n"
                + "            <Type>JKS</Type>\n"
                + "            <Password>" + OLD_STORE_PASSWORD + "</Password>\n"
                + "            <KeyAlias>wso2carbon</KeyAlias>\n"
                + "            <KeyPassword>" + OLD_STORE_PASSWORD + "</KeyPassword>\n"
                + "        </KeyStore>\n"
                + "        <TrustStore>\n"
                + "            <Location>${carbon.home}/repository/resources/security/client-truststore.jks"
                + "</Location>\n"
                + "            <Type>JKS</Type>\n"
                + "            <Password>" + OLD_STORE_PASSWORD + "</Password>\n"
                + "        </TrustStore>\n"
                + "    </Security>\n"
                + "</Server>\n";
    }

    /** A JAR with an OSGi manifest, as a custom bundle is. */
    static void bundle(Path home, String path, String symbolicName, String version) {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Bundle-SymbolicName", symbolicName);
        manifest.getMainAttributes().putValue("Bundle-Version", version);
        Path file = home.resolve(path);
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out,
                    manifest)) {
                jar.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A keystore with one RSA key pair (alias wso2carbon) and a self-signed certificate, made by keytool once per
     * test JVM for each home, name, type, size and password (a keytool run costs a JVM start), then copied.
     */
    static void keystore(Path home, String name, String type, int bits, String password) {
        Path file = home.resolve("repository/resources/security").resolve(name);
        String key = home.getFileName() + "/" + name + "/" + type + "/" + bits + "/" + password;
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, KEYSTORES.computeIfAbsent(key, k -> keytool(type, bits, password)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] keytool(String type, int bits, String password) {
        try {
            Path file = Files.createTempFile(WorkDirectory.of("prepare-keystores"), "keytool", ".ks");
            Files.delete(file);
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "wso2carbon", "-keyalg", "RSA", "-keysize", String.valueOf(bits),
                    "-dname", "CN=localhost, O=WSO2, C=US", "-validity", "3650", "-storetype", type,
                    "-keystore", file.toString(), "-storepass", password, "-keypass", password)
                    .redirectErrorStream(true).start();
            String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IllegalStateException("keytool failed for " + file + ": " + output);
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void write(Path home, String path, String text) {
        Path file = home.resolve(path);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file under a folder, by relative path, with the SHA-256 of its content: what "nothing changed" compares. */
    static Map<String, String> fingerprint(Path dir) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            List<Path> regular = new ArrayList<>(paths.filter(Files::isRegularFile).toList());
            for (Path file : regular) {
                files.put(dir.relativize(file).toString().replace('\\', '/'),
                        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return files;
    }
}
