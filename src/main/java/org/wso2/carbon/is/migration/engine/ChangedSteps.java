package org.wso2.carbon.is.migration.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wso2.carbon.is.migration.api.ErrorCode;
import org.wso2.carbon.is.migration.ledger.LedgerEntry;
import org.wso2.carbon.is.migration.ledger.LedgerException;
import org.wso2.carbon.is.migration.report.MigrationReport;
import org.wso2.carbon.is.migration.report.StepReport;

/**
 * The applied steps whose content changed since they were applied: the checksum of the ledger's last success
 * differs from the plan's. A run must not go on as if they were done (the edit would silently never run) nor run
 * them again (their changes are in the database already), so, like Flyway's validate-on-migrate, migrate and dry-run
 * stop before anything runs; {@code repair} records the current content as the applied one when the edit was meant.
 */
final class ChangedSteps {

    private static final Logger LOG = LoggerFactory.getLogger(ChangedSteps.class);

    /** A changed step and the ledger row of its last success. */
    private static final class Changed {
        private final PreparedStep step;
        private final LedgerEntry applied;

        Changed(PreparedStep step, LedgerEntry applied) {
            this.step = step;
            this.applied = applied;
        }

        String describe() {
            return "[" + step.step().id() + "] " + step.plan().description() + " (" + step.step().configLocation()
                    + "): applied on " + applied.finishedAt() + " (run " + applied.runId() + ") with checksum "
                    + applied.checksum() + ", its content now has checksum " + step.plan().checksum();
        }
    }

    private final List<Changed> changed;

    private ChangedSteps(List<Changed> changed) {
        this.changed = Collections.unmodifiableList(changed);
    }

    /** Reads each step's last success from its database's ledger (read-only; no ledger yet means none changed). */
    static ChangedSteps find(List<PreparedStep> prepared) throws LedgerException {
        List<Changed> changed = new ArrayList<>();
        for (PreparedStep step : prepared) {
            Optional<LedgerEntry> applied = step.target().ledger().lastSuccess(step.key());
            if (applied.isPresent() && !applied.get().checksum().equals(step.plan().checksum())) {
                changed.add(new Changed(step, applied.get()));
            }
        }
        return new ChangedSteps(changed);
    }

    boolean isEmpty() {
        return changed.isEmpty();
    }

    boolean contains(PreparedStep step) {
        return changed.stream().anyMatch(c -> c.step == step);
    }

    /** Stops the run: each changed step is named with both checksums, and the report fails as a setup error. */
    void refuse(MigrationReport report) {
        for (Changed c : changed) {
            c.step.report().outcome(StepReport.Outcome.CHANGED_SINCE_APPLIED);
            c.step.report().error(c.describe());
            LOG.error("Changed since it was applied: {}", c.describe());
        }
        report.fail(ErrorCode.APPLIED_STEP_CHANGED, changed.size() + " applied step(s) changed since they were"
                + " applied (listed above); nothing ran. Restore the content that was applied, or, when the change"
                + " is meant and its effect is already in the database, record it as applied with the repair command"
                + " (java -jar <migration jar> repair --is-home <NEW_IS_HOME>; add --dry-run to see first).");
    }

    /** Repair dry run: says what {@link #accept} would record. */
    void previewAcceptance() {
        for (Changed c : changed) {
            c.step.report().outcome(StepReport.Outcome.WOULD_ACCEPT);
            c.step.report().note("would be recorded as applied with its current content: " + c.describe());
        }
    }

    /**
     * Records each changed step's current content as applied: a new SUCCESS row with the new checksum and, as its
     * detail, what it replaces. The old row stays, so the ledger shows what was run and what was accepted. The
     * caller holds the migration lock of every database.
     */
    void accept(String runId, String holder) throws LedgerException {
        for (Changed c : changed) {
            PreparedStep step = c.step;
            String detail = "repair: current content accepted as applied, not run; it replaces checksum "
                    + c.applied.checksum() + " recorded by run " + c.applied.runId() + " on "
                    + c.applied.finishedAt();
            long id = step.target().ledger().begin(runId, step.key(), step.step().version(), step.step().order(),
                    step.step().migratorName(), step.plan().database(), step.plan().description(),
                    step.plan().checksum(), holder);
            step.target().ledger().finish(id, LedgerEntry.Outcome.SUCCESS, 0, detail);
            step.report().outcome(StepReport.Outcome.ACCEPTED);
            step.report().note(detail);
            LOG.info("[{}] {}", step.step().id(), detail);
        }
    }
}
