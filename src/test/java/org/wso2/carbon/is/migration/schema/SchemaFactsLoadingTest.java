package org.wso2.carbon.is.migration.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Facts files load from the class path into the model with their constraint names folded in; a missing file is named,
 * and so is the place where a malformed one breaks.
 */
class SchemaFactsLoadingTest {

    @Test
    void constraintNamesAreFoldedIntoTheConstraintsTheyName() {
        SchemaFacts facts = SchemaFacts.load("h2", "5.9.0", true);
        TableSchema regPath = facts.tables().get("REG_PATH");
        assertEquals("PK_REG_PATH", regPath.primaryKeyName());
        assertEquals(new UniqueConstraint("UNIQUE_REG_PATH_TENANT_ID", java.util.List.of("REG_PATH_VALUE",
                "REG_TENANT_ID")), regPath.uniques().get(0));
        assertEquals(null, facts.tables().get("UM_DOMAIN").uniques().get(0).name());
    }

    @Test
    void missingFactsFileIsReportedWithItsResourceName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SchemaFacts.load("mysql5.7", "5.9.0", false));
        assertTrue(e.getMessage().contains("/schema-facts/mysql5.7/is-5.9.0.schema.json"), e.getMessage());
    }

    @Test
    void everyShippedFactsFileLoads() {
        List<String> loaded = new ArrayList<>();
        for (String dialect : List.of("h2", "mysql", "mysql5.7", "postgresql")) {
            for (String version : List.of("5.7.0", "5.8.0", "5.9.0", "5.10.0")) {
                for (boolean kernel : new boolean[] {false, true}) {
                    if (!SchemaFacts.available(dialect, version, kernel)) {
                        continue;
                    }
                    SchemaFacts facts = SchemaFacts.load(dialect, version, kernel);
                    assertEquals(version, facts.version(), facts.resource());
                    assertEquals(dialect, facts.dialect(), facts.resource());
                    assertFalse(facts.tables().isEmpty(), facts.resource());
                    facts.tables().values().forEach(table -> assertFalse(table.columns().isEmpty(),
                            facts.resource() + " " + table.name()));
                    loaded.add(facts.describe());
                }
            }
        }
        // h2, mysql and postgresql for four releases, mysql5.7 for 5.7.0 and 5.8.0; identity and kernel each.
        assertEquals(28, loaded.size(), loaded.toString());
    }

    @Test
    void malformedFactsAreReportedWithTheFileAndThePlace() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> read(
                "{\"version\": \"5.9.0\", \"dialect\": \"h2\","
                        + " \"tables\": {\"IDN_BASE_TABLE\": {\"primaryKey\": []}}}"));
        assertEquals("Schema facts broken.json table IDN_BASE_TABLE: field 'columns' is missing", missing.getMessage());

        IllegalArgumentException wrongShape = assertThrows(IllegalArgumentException.class, () -> read(
                "{\"version\": \"5.9.0\", \"dialect\": \"h2\", \"tables\": []}"));
        assertTrue(wrongShape.getMessage().startsWith("Schema facts broken.json tables: expected an object"),
                wrongShape.getMessage());

        IllegalArgumentException notJson = assertThrows(IllegalArgumentException.class, () -> read("{\"tables\": {"));
        assertTrue(notJson.getMessage().startsWith("Cannot read schema facts broken.json: "), notJson.getMessage());
    }

    private static SchemaFacts read(String json) {
        return SchemaFactsReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), false,
                "broken.json");
    }
}
