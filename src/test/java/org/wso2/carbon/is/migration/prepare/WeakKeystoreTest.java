package org.wso2.carbon.is.migration.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;

/**
 * The keystores {@code prepare} carries: each opened (JKS and PKCS12) and its keys listed; an old encryption key of
 * 1024 bits gets the 5.9.0 guide's {@code [keystore.internal]} (the copied old keystore) and {@code [keystore.primary]}
 * (a strong key) sections, which {@code --write-config} adds only where deployment.toml has none; passwords never
 * show in the output or the report.
 */
class WeakKeystoreTest {

    private static final String P12 = "--keystore-password=custom.p12=" + TwoHomes.CUSTOM_P12_PASSWORD;
    private static final Path TOML = Path.of("repository/conf/deployment.toml");
    private static final List<String> PASSWORDS = List.of(TwoHomes.OLD_STORE_PASSWORD, TwoHomes.NEW_STORE_PASSWORD,
            TwoHomes.CUSTOM_P12_PASSWORD);

    /** The fixture's deployment.toml without its [keystore.primary] section: the server then uses its default. */
    private static final String TOML_WITHOUT_PRIMARY = TwoHomes.DEPLOYMENT_TOML.replace("[keystore.primary]\n"
            + "file_name = \"wso2carbon.jks\"\n"
            + "password = \"" + TwoHomes.NEW_STORE_PASSWORD + "\"\n\n", "");

    @Test
    void everyCarriedKeystoreIsOpenedAndItsKeysAlgorithmAndSizeListed() {
        TwoHomes homes = TwoHomes.create("list", 1024);

        PrepareCli.Run run = PrepareCli.prepare(homes, P12, "--dry-run");

        assertKeystore(run, "wso2carbon.jks", "JKS", "carbon.xml <KeyStore>", 1024, true);
        assertKeystore(run, "client-truststore.jks", "JKS", "carbon.xml <TrustStore>", 2048, false);
        assertKeystore(run, "custom.p12", "PKCS12", "--keystore-password custom.p12", 2048, false);
        assertTrue(run.output().contains("wso2carbon: private key, RSA 1024 bits (WEAK: under 2048 bits)"),
                run.output());
    }

    @Test
    void aWeakOldKeyGetsTheGuidesSectionsWithTheInternalKeystoreOnTheCopiedOldFile() throws IOException {
        TwoHomes homes = TwoHomes.create("weak", 1024);
        byte[] tomlBefore = Files.readAllBytes(homes.fresh().resolve(TOML));

        PrepareCli.Run run = PrepareCli.prepare(homes, P12);

        assertTrue(run.output().contains("""
                    [keystore.internal]
                    file_name = "wso2carbon.jks"
                    type = "JKS"
                    password = "******"
                    alias = "wso2carbon"
                    key_password = "******"
                """), run.output());
        assertTrue(run.output().contains("""
                    [keystore.primary]
                    file_name = "wso2carbon.jks.before-prepare"
                    type = "JKS"
                    password = "******"
                    alias = "wso2carbon"
                    key_password = "******"
                """), "the new distribution's strong keystore, kept aside by the copy: " + run.output());
        // deployment.toml already has [keystore.primary], which now names the old, weak wso2carbon.jks; with no
        // [keystore.internal] the server uses the primary keystore for that too, which is the old one.
        assertEquals(1, run.exitCode(), run.output());
        assertEquals("FAILED", run.verdict("primary keystore"), run.output());
        assertEquals("OK", run.verdict("internal keystore"), run.output());
        assertArrayEqualsText(tomlBefore, Files.readAllBytes(homes.fresh().resolve(TOML)),
                "without --write-config deployment.toml is not touched");
        assertNoPassword(run);
    }

    @Test
    void writeConfigAddsBothSectionsWhenAbsentAndKeepsTheRestOfTheFile() throws IOException {
        TwoHomes homes = TwoHomes.create("write", 1024);
        // Without [keystore.primary], the server opens its wso2carbon.jks with its default password.
        TwoHomes.write(homes.fresh(), TOML.toString(), TOML_WITHOUT_PRIMARY);
        TwoHomes.keystore(homes.fresh(), "wso2carbon.jks", "JKS", 2048, "wso2carbon");

        PrepareCli.Run run = PrepareCli.prepare(homes, P12, "--write-config");

        assertEquals(0, run.exitCode(), run.output());
        String toml = Files.readString(homes.fresh().resolve(TOML));
        assertTrue(toml.startsWith(TOML_WITHOUT_PRIMARY), "the operator's file is kept byte for byte:\n" + toml);
        TomlParseResult parsed = Toml.parse(toml);
        assertFalse(parsed.hasErrors(), parsed.errors().toString());
        assertEquals("wso2carbon.jks", parsed.getString("keystore.internal.file_name"));
        assertEquals(TwoHomes.OLD_STORE_PASSWORD, parsed.getString("keystore.internal.password"));
        assertEquals("wso2carbon.jks.before-prepare", parsed.getString("keystore.primary.file_name"));
        assertEquals("wso2carbon", parsed.getString("keystore.primary.password"));
        Path security = homes.fresh().resolve("repository/resources/security");
        assertEquals(1024, rsaBits(security.resolve(parsed.getString("keystore.internal.file_name")),
                parsed.getString("keystore.internal.type"), parsed.getString("keystore.internal.password")),
                "[keystore.internal] opens the old keystore with what was written");
        assertEquals(2048, rsaBits(security.resolve(parsed.getString("keystore.primary.file_name")),
                parsed.getString("keystore.primary.type"), parsed.getString("keystore.primary.password")));
        assertNoPassword(run);

        PrepareCli.Run again = PrepareCli.prepare(homes, P12, "--write-config");
        assertEquals(0, again.exitCode(), again.output());
        assertEquals(toml, Files.readString(homes.fresh().resolve(TOML)), "a re-run adds nothing");
    }

    @Test
    void writeConfigLeavesAnExistingPrimarySectionAsItIs() throws IOException {
        TwoHomes homes = TwoHomes.create("keep-primary", 1024);

        PrepareCli.Run run = PrepareCli.prepare(homes, P12, "--write-config");

        String toml = Files.readString(homes.fresh().resolve(TOML));
        assertTrue(toml.startsWith(TwoHomes.DEPLOYMENT_TOML), toml);
        TomlParseResult parsed = Toml.parse(toml);
        assertEquals("wso2carbon.jks", parsed.getString("keystore.internal.file_name"));
        assertEquals("wso2carbon.jks", parsed.getString("keystore.primary.file_name"), "left as the operator wrote it");
        assertEquals(1, run.exitCode(), "the primary keystore it names is the old weak one: " + run.output());
        assertEquals("FAILED", run.verdict("primary keystore"));
        assertEquals("OK", run.verdict("internal keystore"));
        assertTrue(run.output().contains("[keystore.primary] is already in deployment.toml: not changed"),
                run.output());
    }

    @Test
    void aStrongOldKeyNeedsNoKeystoreSections() throws IOException {
        TwoHomes homes = TwoHomes.create("strong", 2048);
        byte[] tomlBefore = Files.readAllBytes(homes.fresh().resolve(TOML));

        PrepareCli.Run run = PrepareCli.prepare(homes, P12, "--write-config");

        assertEquals(0, run.exitCode(), run.output());
        assertEquals(0, run.report().get("keystoreSections").size());
        assertFalse(run.output().contains("[keystore.internal]"), run.output());
        assertArrayEqualsText(tomlBefore, Files.readAllBytes(homes.fresh().resolve(TOML)), "nothing to add");
    }

    @Test
    void aKeystoreWithNoKnownPasswordFailsItsCheck() {
        TwoHomes homes = TwoHomes.create("no-password", 2048);

        PrepareCli.Run run = PrepareCli.prepare(homes);

        assertEquals(1, run.exitCode(), run.output());
        assertEquals("FAILED", run.verdict("keystore custom.p12"), run.output());
        assertTrue(run.output().contains("--keystore-password custom.p12=<password>"), run.output());
    }

    @Test
    void aWrongKeystorePasswordIsBadUsageChangesNothingAndIsNotShown() {
        TwoHomes homes = TwoHomes.create("wrong-password", 1024);
        Map<String, String> before = TwoHomes.fingerprint(homes.fresh());
        String wrong = "Wr0ng-Guess-Secret";

        PrepareCli.Run run = PrepareCli.prepare(homes, "--keystore-password=custom.p12=" + wrong, "--write-config");

        assertEquals(2, run.exitCode(), run.output());
        assertTrue(run.output().contains("custom.p12 does not open with the password of --keystore-password"),
                run.output());
        assertFalse(run.output().contains(wrong), run.output());
        assertEquals(before, TwoHomes.fingerprint(homes.fresh()), "nothing copied, deployment.toml untouched");
    }

    private static void assertKeystore(PrepareCli.Run run, String file, String format, String passwordFrom,
            int bits, boolean weak) {
        JsonNode keystore = run.keystore(file);
        assertNotNull(keystore, file + " in " + run.reportText());
        assertEquals(format, keystore.get("format").asText());
        assertEquals(passwordFrom, keystore.get("passwordFrom").asText());
        JsonNode entry = keystore.get("entries").get(0);
        assertEquals("wso2carbon", entry.get("alias").asText());
        assertEquals("PRIVATE_KEY", entry.get("kind").asText());
        assertEquals("RSA", entry.get("algorithm").asText());
        assertEquals(bits, entry.get("bits").asInt());
        assertEquals(weak, entry.get("weakRsaKey").asBoolean());
    }

    private static void assertNoPassword(PrepareCli.Run run) {
        for (String password : PASSWORDS) {
            assertFalse(run.output().contains(password), "password in the output:\n" + run.output());
            assertFalse(run.reportText().contains(password), "password in the report:\n" + run.reportText());
        }
    }

    private static void assertArrayEqualsText(byte[] expected, byte[] actual, String message) {
        assertEquals(new String(expected, StandardCharsets.ISO_8859_1), new String(actual, StandardCharsets.ISO_8859_1),
                message);
    }

    private static int rsaBits(Path file, String type, String password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance(type);
            store.load(in, password.toCharArray());
            return ((RSAPublicKey) store.getCertificate("wso2carbon").getPublicKey()).getModulus().bitLength();
        } catch (Exception e) {
            throw new AssertionError("cannot open " + file + " as configured", e);
        }
    }
}
