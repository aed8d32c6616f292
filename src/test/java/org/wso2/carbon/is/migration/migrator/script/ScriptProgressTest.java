package org.wso2.carbon.is.migration.migrator.script;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.wso2.carbon.is.migration.migrator.MemoryProgress;
import org.wso2.carbon.is.migration.sql.SqlStatement;

class ScriptProgressTest {

    private final MemoryProgress progress = new MemoryProgress();

    @Test
    void countsRowsAndNamesTheLongestStatementByItsPlaceInTheScript() {
        ScriptProgress script = new ScriptProgress(progress, 3);
        script.executed(0, new SqlStatement("CREATE INDEX A ON T (X)", "step3/h2.sql", 4), 0, 120);
        script.executed(1, new SqlStatement("UPDATE T SET X = 1", "step3/h2.sql", 9), 42, 2_500);
        script.executed(2, new SqlStatement("CREATE INDEX B ON T (Y)", "step3/h2.sql", 12), -1, 900);
        assertEquals(42, progress.rows, "update counts only; -1 (no count) is not a row");
        assertEquals("; the longest statement, at step3/h2.sql:9, took 2500 ms", script.longestNote());
    }

    @Test
    void anEmptyScriptHasNoLongestStatement() {
        assertEquals("", new ScriptProgress(progress, 0).longestNote());
    }
}
