package org.wso2.carbon.is.migration.prepare.keystore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tomlj.Toml;
import org.wso2.carbon.is.migration.prepare.PrepareException;
import org.wso2.carbon.is.migration.testsupport.WorkDirectory;

/**
 * Where {@code prepare} finds keystores and their passwords: the old carbon.xml (plain, or secured by the cipher tool),
 * the new deployment.toml (with the server's defaults and {@code $ref{}}), and how it adds sections to that file.
 */
class ConfiguredKeystoresTest {

    @Test
    void carbonXmlGivesEachKeystoreAndHidesNothingButVaultSecuredPasswords() throws PrepareException {
        Path home = home("carbon-xml");
        write(home.resolve("repository/conf/carbon.xml"), "<Server xmlns=\"http://wso2.org/projects/carbon/carbon.xml\""
                + " xmlns:svns=\"http://org.wso2.securevault/configuration\">\n"
                + "  <Security>\n"
                + "    <KeyStore>\n"
                + "      <Location>${carbon.home}/repository/resources/security/old-primary.jks</Location>\n"
                + "      <Type>JKS</Type>\n"
                + "      <Password svns:secretAlias=\"Carbon.Security.KeyStore.Password\">password</Password>\n"
                + "      <KeyAlias>oldkey</KeyAlias>\n"
                + "      <KeyPassword svns:secretAlias=\"Carbon.Security.KeyStore.KeyPassword\">password</KeyPassword>\n"
                + "    </KeyStore>\n"
                + "    <InternalKeyStore>\n"
                + "      <Location>${carbon.home}/repository/resources/security/internal.p12</Location>\n"
                + "      <Type>PKCS12</Type>\n"
                + "      <Password>plain-internal</Password>\n"
                + "      <KeyAlias>internal</KeyAlias>\n"
                + "    </InternalKeyStore>\n"
                + "  </Security>\n"
                + "</Server>\n");

        Map<String, KeystoreSettings> keystores = CarbonXmlKeystores.read(home.toFile());

        assertEquals(List.of("KeyStore", "InternalKeyStore"), List.copyOf(keystores.keySet()));
        KeystoreSettings primary = keystores.get(CarbonXmlKeystores.PRIMARY);
        assertEquals("old-primary.jks", primary.fileName());
        assertEquals("oldkey", primary.alias());
        assertNull(primary.password(), "a cipher-tool secured password is not the password");
        assertNull(primary.keyPassword());
        KeystoreSettings internal = keystores.get(CarbonXmlKeystores.INTERNAL);
        assertEquals("internal.p12", internal.fileName());
        assertEquals("PKCS12", internal.type());
        assertEquals("plain-internal", internal.password());
        assertFalse(internal.toString().contains("plain-internal"), internal.toString());
    }

    @Test
    void deploymentTomlKeystoresTakeTheServersDefaultsAndFollowReferences() throws PrepareException {
        Path home = home("toml");
        write(home.resolve("repository/conf/deployment.toml"), "[keystore.primary]\n"
                + "file_name = \"primary.jks\"\n"
                + "password = \"primary-secret\"\n\n"
                + "[keystore.internal]\n"
                + "file_name = \"internal.jks\"\n"
                + "password = \"$ref{keystore.primary.password}\"\n"
                + "key_password = \"$secret{internal_key}\"\n");

        DeploymentTomlKeystores toml = DeploymentTomlKeystores.read(home.toFile());

        KeystoreSettings primary = toml.settings(DeploymentTomlKeystores.PRIMARY);
        assertEquals("primary.jks", primary.fileName());
        assertEquals("JKS", primary.type());
        assertEquals("wso2carbon", primary.alias(), "the server's default alias");
        assertEquals("wso2carbon", primary.keyPassword(), "the server's default key password");
        KeystoreSettings internal = toml.settings(DeploymentTomlKeystores.INTERNAL);
        assertEquals("primary-secret", internal.password(), "$ref followed");
        assertNull(internal.keyPassword(), "a secure vault reference is not a password");
        assertNull(toml.settings("keystore.tls"), "no section, no settings");
        assertTrue(toml.hasSection(DeploymentTomlKeystores.INTERNAL));
    }

    @Test
    void appendedSectionsLeaveTheFileAsItWasEvenWithoutAFinalNewline() throws Exception {
        Path file = home("append").resolve("repository/conf/deployment.toml");
        String original = "# the operator's comment\n[server]\nhostname = \"is.example.com\"  # kept";
        write(file, original);

        DeploymentTomlAppender.append(file.toFile(), "added by a test", List.of(KeystoreBlocks.section(
                DeploymentTomlKeystores.INTERNAL, new KeystoreSettings("test", "old \"quoted\".jks", null,
                        "pa\\ss", "wso2carbon", null), "JKS", false)));

        String after = Files.readString(file);
        assertTrue(after.startsWith(original + "\n"), after);
        assertEquals("old \"quoted\".jks", Toml.parse(after).getString("keystore.internal.file_name"));
        assertEquals("pa\\ss", Toml.parse(after).getString("keystore.internal.key_password"),
                "no key password given: the store password, as IS defaults it");
        assertEquals("is.example.com", Toml.parse(after).getString("server.hostname"));
    }

    private static Path home(String name) {
        return WorkDirectory.of("prepare-config").resolve(name + "-" + System.nanoTime());
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
