package org.wso2.carbon.is.migration.prepare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * {@code prepare} on an old 5.8.0-like and a new 5.9.0-like home: steps 1 to 5 of the 5.9.0 migration guide, each
 * copy rule, the dry run, the re-run and a differing file kept aside. The old keystore is strong here (the weak one
 * is {@link WeakKeystoreTest}'s); the PKCS12 keystore's password is given as an option.
 */
class PrepareCarriesTheGuidesFilesTest {

    private static final String P12 = "--keystore-password=custom.p12=" + TwoHomes.CUSTOM_P12_PASSWORD;

    /** What the fixture's homes need, file by file. */
    private static Map<String, String> expectedActions() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("repository/components/dropins/org.example.claim.handler-2.1.0.jar", "COPY");
        expected.put("repository/components/dropins/org.example.custom.authenticator-1.0.0.jar", "COPY");
        expected.put("repository/components/lib/mysql-connector-java-5.1.47.jar", "COPY");
        expected.put("repository/components/lib/same-in-both.jar", "ALREADY_THERE");
        expected.put("repository/components/lib/shared-util.jar", "KEPT_NEW");
        expected.put("repository/resources/security/client-truststore.jks", "REPLACE");
        expected.put("repository/resources/security/custom.p12", "COPY");
        expected.put("repository/resources/security/wso2carbon.jks", "REPLACE");
        expected.put("repository/tenants/1/repository/deployment/server/userstores/TENANT_LDAP.xml", "COPY");
        expected.put("repository/tenants/1/repository/deployment/server/webapps/readme.txt", "COPY");
        expected.put("repository/tenants/2/repository/deployment/server/synapse-configs/default/proxy.xml", "COPY");
        expected.put("repository/deployment/server/userstores/PARTNERS.xml", "REPLACE");
        expected.put("repository/deployment/server/userstores/SECONDARY_JDBC.xml", "COPY");
        return expected;
    }

    @Test
    void eachFolderTheGuideNamesIsCarriedToTheNewHome() throws IOException {
        TwoHomes homes = TwoHomes.create("carry", 2048);
        Map<String, String> newBefore = TwoHomes.fingerprint(homes.fresh());

        PrepareCli.Run run = PrepareCli.prepare(homes, P12);

        assertEquals(0, run.exitCode(), run.output());
        assertEquals(expectedActions(), run.actions(), run.output());
        Map<String, String> old = TwoHomes.fingerprint(homes.old());
        Map<String, String> after = TwoHomes.fingerprint(homes.fresh());
        for (Map.Entry<String, String> action : expectedActions().entrySet()) {
            String path = action.getKey();
            String expectedContent = action.getValue().equals("KEPT_NEW") ? newBefore.get(path) : old.get(path);
            assertEquals(expectedContent, after.get(path), path);
        }
        assertFalse(after.containsKey("repository/resources/security/not-a-keystore.txt"),
                "only keystores are carried from the security folder");
        assertEquals(List.of("repository/components/dropins/org.example.claim.handler-2.1.0.jar",
                        "repository/components/dropins/org.example.custom.authenticator-1.0.0.jar",
                        "repository/components/lib/mysql-connector-java-5.1.47.jar",
                        "repository/components/lib/same-in-both.jar"),
                run.mayNeedUpdating(), "anything of the old dropins, and lib JARs the new distribution does not "
                        + "ship under another content");
        assertEquals("REVIEW", run.verdict("custom bundles"));
        assertTrue(run.output().contains("org.example.custom.authenticator-1.0.0.jar"), run.output());
    }

    @Test
    void aDifferingFileOfTheNewHomeIsKeptAsideBeforeItIsReplaced() throws IOException {
        TwoHomes homes = TwoHomes.create("aside", 2048);
        Path partners = homes.fresh().resolve("repository/deployment/server/userstores/PARTNERS.xml");
        Path keystore = homes.fresh().resolve("repository/resources/security/wso2carbon.jks");
        byte[] newKeystore = Files.readAllBytes(keystore);

        PrepareCli.Run first = PrepareCli.prepare(homes, P12);

        assertEquals(0, first.exitCode(), first.output());
        assertEquals("<UserStoreManager name=\"new\"/>\n",
                Files.readString(partners.resolveSibling("PARTNERS.xml.before-prepare")));
        assertEquals("<UserStoreManager name=\"old\"/>\n", Files.readString(partners));
        assertArrayEquals(newKeystore, Files.readAllBytes(keystore.resolveSibling("wso2carbon.jks.before-prepare")));
        assertTrue(first.output().contains("repository/deployment/server/userstores/PARTNERS.xml (differs; the new "
                + "home's file is kept as PARTNERS.xml.before-prepare)"), first.output());

        // The operator changes the old file again: the next run keeps the first backup and makes another.
        TwoHomes.write(homes.old(), "repository/deployment/server/userstores/PARTNERS.xml", "<changed/>\n");
        PrepareCli.Run second = PrepareCli.prepare(homes, P12);

        assertEquals("REPLACE", second.actions().get("repository/deployment/server/userstores/PARTNERS.xml"));
        assertEquals("<UserStoreManager name=\"new\"/>\n",
                Files.readString(partners.resolveSibling("PARTNERS.xml.before-prepare")));
        assertEquals("<UserStoreManager name=\"old\"/>\n",
                Files.readString(partners.resolveSibling("PARTNERS.xml.before-prepare-2")));
        assertEquals("<changed/>\n", Files.readString(partners));
    }

    @Test
    void aDryRunListsEveryActionAndChangesNothing() {
        TwoHomes homes = TwoHomes.create("dry", 2048);
        Map<String, String> before = TwoHomes.fingerprint(homes.fresh());

        PrepareCli.Run dry = PrepareCli.prepare(homes, P12, "--dry-run");

        assertEquals(0, dry.exitCode(), dry.output());
        assertEquals(before, TwoHomes.fingerprint(homes.fresh()), "a dry run changes nothing");
        assertEquals(expectedActions(), dry.actions());
        assertTrue(dry.report().get("dryRun").asBoolean());
        for (Map.Entry<String, String> action : expectedActions().entrySet()) {
            String verb = switch (action.getValue()) {
                case "COPY" -> "would copy   ";
                case "REPLACE" -> "would replace ";
                case "ALREADY_THERE" -> "unchanged    ";
                default -> "not copied   ";
            };
            assertTrue(dry.output().contains(verb + action.getKey()), verb + action.getKey() + " in:\n"
                    + dry.output());
        }
        assertEquals(expectedActions(), PrepareCli.prepare(homes, P12).actions(), "the run does what the dry run "
                + "listed");
    }

    @Test
    void aReRunCarriesNothingNew() {
        TwoHomes homes = TwoHomes.create("rerun", 2048);
        assertEquals(0, PrepareCli.prepare(homes, P12).exitCode());
        Map<String, String> afterFirst = TwoHomes.fingerprint(homes.fresh());

        PrepareCli.Run again = PrepareCli.prepare(homes, P12);

        assertEquals(0, again.exitCode(), again.output());
        assertEquals(afterFirst, TwoHomes.fingerprint(homes.fresh()), "the re-run changed the new home");
        for (Map.Entry<String, String> action : again.actions().entrySet()) {
            assertTrue(action.getValue().equals("ALREADY_THERE") || action.getValue().equals("KEPT_NEW"),
                    action.toString());
        }
    }

    @Test
    void homesThatAreNotIdentityServerHomesAreBadUsageAndChangeNothing() throws IOException {
        TwoHomes homes = TwoHomes.create("usage", 2048);
        Map<String, String> before = TwoHomes.fingerprint(homes.fresh());
        Path missing = homes.old().resolveSibling("no-such-home");

        assertEquals(2, PrepareCli.prepare(TwoHomes.at(missing, homes.fresh())).exitCode(), "missing old home");
        assertEquals(2, PrepareCli.prepare(TwoHomes.at(homes.old(), missing)).exitCode(), "missing new home");
        assertEquals(2, PrepareCli.prepare(TwoHomes.at(homes.fresh(), homes.fresh())).exitCode(),
                "the new home as the old one (no carbon.xml)");
        assertEquals(2, PrepareCli.prepare(TwoHomes.at(homes.old(), homes.old())).exitCode(),
                "the old home as the new one (no deployment.toml)");
        PrepareCli.Run noOld = PrepareCli.prepare(TwoHomes.at(homes.fresh(), homes.fresh()));
        assertTrue(noOld.output().contains("carbon.xml"), noOld.output());
        assertNull(noOld.report(), "no report for a run that could not start");
        assertEquals(before, TwoHomes.fingerprint(homes.fresh()));
        assertFalse(Files.exists(missing));
    }
}
