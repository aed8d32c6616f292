package org.wso2.carbon.is.migration.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlCheckBoxInput;
import org.junit.jupiter.api.Test;
import org.wso2.carbon.is.migration.cli.MigrationCli;
import org.wso2.carbon.is.migration.testsupport.HeadlessBrowser;
import org.wso2.carbon.is.migration.testsupport.IsHome;

/**
 * The HTML report as an operator sees it: written next to the JSON report by real runs of the command line on H2
 * (IS 5.9.0's own H2 1.4.199), opened in a headless browser that runs its script and records every request.
 */
class HtmlReportInABrowserTest {

    private static final String CONFIG = String.join("\n",
            "currentVersion: \"5.8.0\"",
            "migrateVersion: \"5.9.0\"",
            "versions:",
            "  - version: \"5.9.0\"",
            "    migratorConfigs:",
            "      - name: SchemaMigrator",
            "        order: 1",
            "        parameters: {location: step1, schema: identity}",
            "      - name: SchemaMigrator",
            "        order: 2",
            "        parameters: {location: step2, schema: identity}",
            "      - name: SchemaMigrator",
            "        order: 3",
            "        parameters: {location: step3, schema: identity}",
            "      - name: SchemaMigrator",
            "        order: 4",
            "        parameters: {location: step4, schema: consent}",
            "");

    /** A statement H2 refuses, with the characters HTML gives a meaning to, and a value that looks like a secret. */
    private static final String BROKEN_STATEMENT =
            "INSERT INTO \"NO<SUCH>&TABLE\" (NOTE) VALUES ('<b>bold</b> & \"quoted\" password=S3cr3tValue')";

    record Run(int exitCode, String output, Path json, Path page) {
    }

    private static IsHome home(String name) throws Exception {
        IsHome home = IsHome.create(name).withPlugin("h2-1.4.199.jar", "h2_1.4.199.wso2v1.jar")
                .withDeploymentToml(IsHome.databaseSection("identity_db", "h2",
                        "jdbc:h2:./repository/database/WSO2IDENTITY_DB;DB_CLOSE_ON_EXIT=FALSE", "wso2carbon",
                        "wso2carbon"))
                .withConfig(CONFIG);
        script(home, "step1", "CREATE TABLE NOTES (ID INTEGER PRIMARY KEY, NOTE VARCHAR(200));\n");
        script(home, "step3", "CREATE INDEX IDX_NOTES ON NOTES (NOTE);\n");
        Path consent = home.resources().resolve("5.9.0/dbscripts/step4/consent/h2.sql");
        Files.createDirectories(consent.getParent());
        Files.writeString(consent, "CREATE TABLE CONSENT_NOTES (ID INTEGER);\n");
        return home;
    }

    private static void script(IsHome home, String location, String sql) throws Exception {
        Path file = home.resources().resolve("5.9.0/dbscripts").resolve(location).resolve("identity/h2.sql");
        Files.createDirectories(file.getParent());
        Files.writeString(file, sql);
    }

    private static Run migrate(IsHome home) {
        return run(home, "migrate");
    }

    private static Run run(IsHome home, String command) {
        Path json = home.path().resolve("reports/run.json");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = MigrationCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), command,
                "--is-home", home.path().toString(), "--report", json.toString());
        return new Run(exit, out + err.toString(), json, home.path().resolve("reports/run.html"));
    }

    private static List<String> stepKeys(Path json) throws Exception {
        List<String> keys = new ArrayList<>();
        for (JsonNode step : new ObjectMapper().readTree(json.toFile()).get("steps")) {
            keys.add(step.get("step").asText());
        }
        return keys;
    }

    /** The page's step rows, by the step name each starts with. */
    private static Map<String, DomElement> stepRows(org.htmlunit.html.HtmlPage page) {
        Map<String, DomElement> rows = new LinkedHashMap<>();
        for (DomNode row : page.querySelectorAll("tr.step")) {
            DomElement element = (DomElement) row;
            rows.put(element.querySelector("td.name").getFirstChild().asNormalizedText(), element);
        }
        return rows;
    }

    private static void assertRendersCleanly(HeadlessBrowser browser, org.htmlunit.html.HtmlPage page) {
        assertTrue(page.getBody().isDisplayed(), "the body is shown (and the style sheet applied)");
        assertEquals(List.of(), browser.scriptErrors(), "script errors");
        assertEquals(List.of(), browser.styleErrors(), "style sheet errors");
        assertEquals(List.of(), browser.requests(), "the page fetched something");
    }

    @Test
    void aFailedRunShowsEveryStepAndTheFailingStepWithItsErrorAndStatement() throws Exception {
        IsHome home = home("html-failed");
        script(home, "step2", "INSERT INTO NOTES VALUES (1, 'kept');\n\n" + BROKEN_STATEMENT + ";\n");
        Run run = migrate(home);
        assertEquals(1, run.exitCode(), run.output());
        assertTrue(Files.isRegularFile(run.page()), "the page is next to the JSON report: " + run.output());
        assertTrue(run.output().contains("page:   " + run.page()), run.output());
        JsonNode failedStatement = new ObjectMapper().readTree(run.json().toFile()).get("steps").get(1)
                .get("failedStatement");
        assertEquals("5.9.0/dbscripts/step2/identity/h2.sql:3", failedStatement.get("location").asText());
        assertTrue(failedStatement.get("sql").asText().startsWith("INSERT INTO \"NO<SUCH>&TABLE\""),
                "the JSON report has the statement too: " + failedStatement);

        try (HeadlessBrowser browser = new HeadlessBrowser()) {
            org.htmlunit.html.HtmlPage page = browser.open(run.page());
            assertRendersCleanly(browser, page);
            assertTrue(page.getTitleText().contains("FAILED"), page.getTitleText());

            Map<String, DomElement> rows = stepRows(page);
            List<String> keys = stepKeys(run.json());
            assertEquals(4, keys.size());
            assertEquals(keys, List.copyOf(rows.keySet()), "every step of the JSON report, in order");
            assertTrue(rows.get(keys.get(0)).asNormalizedText().contains("APPLIED"));
            assertTrue(rows.get(keys.get(1)).asNormalizedText().contains("FAILED"));
            assertTrue(rows.get(keys.get(2)).asNormalizedText().contains("NOT_RUN"));
            assertEquals(1, rows.get(keys.get(0)).querySelectorAll("span.bar").size(), "the step that ran has a bar");
            assertEquals(0, rows.get(keys.get(2)).querySelectorAll("span.bar").size(), "a step not reached has none");
            assertTrue(rows.get(keys.get(3)).asNormalizedText().contains("NOT_RUN"));

            DomElement database = page.querySelector("div.database");
            String verdict = database.asNormalizedText();
            assertTrue(verdict.contains("jdbc/WSO2IdentityDB") && verdict.contains("FAILED: 1 of 4 steps"), verdict);
            assertTrue(verdict.contains("identity, consent \u00b7 h2"), "both logical databases it serves: " + verdict);
            DomElement failure = database.querySelector("div.finding");
            String cause = failure.querySelector("pre.cause").asNormalizedText();
            assertTrue(cause.contains("step2/identity/h2.sql:3"), cause);
            assertTrue(cause.contains("NO<SUCH>&TABLE"), "the database's error, as text: " + cause);
            assertTrue(failure.asNormalizedText().contains("The statement, at ")
                    && failure.asNormalizedText().contains("step2/identity/h2.sql:3"), failure.asNormalizedText());
            String statement = failure.querySelector("pre.evidence").asNormalizedText();
            assertTrue(statement.startsWith("INSERT INTO \"NO<SUCH>&TABLE\" (NOTE) VALUES ('<b>bold</b> & \"quoted\""),
                    "the whole statement, as text: " + statement);
            assertEquals(0, page.getElementsByTagName("b").size(), "text from the run never becomes markup");
            assertFalse(page.getWebResponse().getContentAsString().contains("S3cr3tValue"), "secrets are masked");

            HtmlCheckBoxInput problemsOnly = page.querySelector("input.problems-only");
            problemsOnly.click();
            assertFalse(rows.get(keys.get(0)).isDisplayed(), "a step that went well is hidden");
            assertTrue(rows.get(keys.get(1)).isDisplayed() && rows.get(keys.get(2)).isDisplayed());
            assertEquals(List.of(), browser.scriptErrors(), "script errors");
        }
    }

    @Test
    void aSucceededRunShowsEachStepsOutcomeDurationAndRowsAndTheDatabaseMigrated() throws Exception {
        IsHome home = home("html-succeeded");
        script(home, "step2", "INSERT INTO NOTES VALUES (1, 'a');\nINSERT INTO NOTES VALUES (2, 'b');\n"
                + "INSERT INTO NOTES VALUES (3, 'c');\n");
        Run run = migrate(home);
        assertEquals(0, run.exitCode(), run.output());

        try (HeadlessBrowser browser = new HeadlessBrowser()) {
            org.htmlunit.html.HtmlPage page = browser.open(run.page());
            assertRendersCleanly(browser, page);
            assertTrue(page.getTitleText().contains("SUCCEEDED"), page.getTitleText());
            assertTrue(page.querySelector("div.database").asNormalizedText().contains("MIGRATED"));
            assertEquals(0, page.querySelectorAll("div.finding.bad").size(), "nothing failed");

            Map<String, DomElement> rows = stepRows(page);
            assertEquals(stepKeys(run.json()), List.copyOf(rows.keySet()));
            for (DomElement row : rows.values()) {
                assertTrue(row.asNormalizedText().contains("APPLIED"), row.asNormalizedText());
                assertEquals(1, row.querySelectorAll("span.bar").size(), row.asNormalizedText());
                String duration = row.querySelectorAll("td.number").get(0).asNormalizedText();
                assertTrue(duration.matches("\\d+ ms|\\d+\\.\\d s"), "a duration: " + duration);
            }
            String rowsColumn = new ArrayList<>(rows.values()).get(1).querySelectorAll("td.number").get(1)
                    .asNormalizedText();
            assertTrue(rowsColumn.startsWith("3"), "the step's rows: " + rowsColumn);
        }

        Run again = migrate(home);
        assertEquals(0, again.exitCode(), again.output());
        try (HeadlessBrowser browser = new HeadlessBrowser()) {
            org.htmlunit.html.HtmlPage page = browser.open(again.page());
            assertRendersCleanly(browser, page);
            for (DomElement row : stepRows(page).values()) {
                assertTrue(row.asNormalizedText().contains("ALREADY_APPLIED"), row.asNormalizedText());
                assertEquals(0, row.querySelectorAll("span.bar").size(), "skipped steps did not run");
            }
            assertTrue(page.querySelector("div.database").asNormalizedText().contains("MIGRATED"));
        }
    }

    @Test
    void aDryRunShowsTheStatementsEachStepWouldRun() throws Exception {
        IsHome home = home("html-dry-run");
        script(home, "step2", "INSERT INTO NOTES VALUES (1, 'a & b');\n");
        Run run = run(home, "dry-run");
        assertEquals(0, run.exitCode(), run.output());

        try (HeadlessBrowser browser = new HeadlessBrowser()) {
            org.htmlunit.html.HtmlPage page = browser.open(run.page());
            assertRendersCleanly(browser, page);
            assertTrue(page.querySelector("div.database").asNormalizedText().contains("4 of 4 steps would run"));
            List<DomElement> rows = List.copyOf(stepRows(page).values());
            assertEquals(4, rows.size());
            for (DomElement row : rows) {
                assertTrue(row.asNormalizedText().contains("WOULD_APPLY"), row.asNormalizedText());
                assertEquals(0, row.querySelectorAll("span.bar").size(), "nothing ran");
            }
            assertEquals("INSERT INTO NOTES VALUES (1, 'a & b')",
                    rows.get(1).querySelector("details pre").getTextContent());
        }
    }

    @Test
    void aDatabaseVerdictShowsEachFindingWithItsEvidenceAsAVerificationWouldReportIt() throws Exception {
        // The shape a verification's result has: per database a verdict and the differences behind it.
        HtmlPage report = new HtmlPage("Verification of 5.9.0", "FAILED", Tone.BAD)
                .fact("Run", "20261204T120000Z-abcd")
                .add(new VerdictSection("Databases", "No database was reached.", List.of(
                        new DatabaseCard("jdbc/WSO2IdentityDB", "identity \u00b7 h2", "2 differences", Tone.BAD,
                                List.of(Finding.of("IDN_OAUTH2_ACCESS_TOKEN: index IDX_AT_CK_CU missing", Tone.BAD,
                                                "the 5.9.0 schema has it; the database does not")
                                                .withEvidence("expected", "CREATE INDEX IDX_AT_CK_CU ON "
                                                        + "IDN_OAUTH2_ACCESS_TOKEN (CONSUMER_KEY_ID, AUTHZ_USER)"),
                                        Finding.of("IDN_AUTH_USER.USER_NAME: type", Tone.BAD,
                                                "expected VARCHAR(255), found VARCHAR(<100>)"))),
                        new DatabaseCard("jdbc/SHARED_DB", null, "matches 5.9.0", Tone.GOOD, List.of()))));
        Path file = IsHome.create("html-verdicts").path().resolve("verify.html");
        report.write(file);

        try (HeadlessBrowser browser = new HeadlessBrowser()) {
            org.htmlunit.html.HtmlPage page = browser.open(file);
            assertRendersCleanly(browser, page);
            List<DomNode> databases = page.querySelectorAll("div.database");
            assertEquals(2, databases.size());
            String identity = databases.get(0).asNormalizedText();
            assertTrue(identity.contains("2 differences") && identity.contains("index IDX_AT_CK_CU missing")
                    && identity.contains("CREATE INDEX IDX_AT_CK_CU") && identity.contains("VARCHAR(<100>)"),
                    identity);
            assertEquals(0, ((DomElement) databases.get(1)).querySelectorAll("div.finding").size());
            assertTrue(databases.get(1).asNormalizedText().contains("matches 5.9.0"));
        }
    }
}
