package org.wso2.carbon.is.migration.migrator.script;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wso2.carbon.is.migration.api.StepProgress;
import org.wso2.carbon.is.migration.sql.SqlStatement;
import org.wso2.carbon.is.migration.sql.StatementRunner;

/**
 * What a script's run tells the operator while it goes: rows counted in the step, and a log line for every statement
 * that took a second or more (an index build or table rebuild on a big table), with its place in the script, so that
 * a long script is not silent; the longest statement goes to the step's notes.
 */
final class ScriptProgress implements StatementRunner.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(ScriptProgress.class);
    static final long SLOW_STATEMENT_MILLIS = 1_000;

    private final StepProgress progress;
    private final int total;
    private SqlStatement longest;
    private long longestMillis = -1;

    ScriptProgress(StepProgress progress, int total) {
        this.progress = progress;
        this.total = total;
    }

    @Override
    public void executed(int index, SqlStatement statement, long updateCount, long millis) {
        if (updateCount > 0) {
            progress.rows(updateCount);
        }
        if (millis >= SLOW_STATEMENT_MILLIS) {
            LOG.info("statement {} of {} ({}) took {} ms", index + 1, total, statement.location(), millis);
        }
        if (millis > longestMillis) {
            longest = statement;
            longestMillis = millis;
        }
    }

    /** {@code ; the longest statement, at <file>:<line>, took <n> ms}, or nothing for an empty script. */
    String longestNote() {
        return longest == null ? "" : "; the longest statement, at " + longest.location() + ", took " + longestMillis
                + " ms";
    }
}
