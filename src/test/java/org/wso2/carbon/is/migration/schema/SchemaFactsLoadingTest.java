package org.wso2.carbon.is.migration.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Facts files load into the model with their constraint names folded in, and a missing file is named. */
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
}
