package org.wso2.carbon.is.migration.engine;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wso2.carbon.is.migration.api.MigrationException;
import org.wso2.carbon.is.migration.api.StepIdentity;
import org.wso2.carbon.is.migration.ledger.LedgerEntry;
import org.wso2.carbon.is.migration.ledger.LedgerEntry.Outcome;
import org.wso2.carbon.is.migration.ledger.LedgerException;
import org.wso2.carbon.is.migration.report.MigrationReport;
import org.wso2.carbon.is.migration.report.Secrets;
import org.wso2.carbon.is.migration.report.StepReport;

/** What {@code info} shows: each step's state as the ledger of its database records it. */
final class LedgerListing {

    /** The engine's logger: an operator follows a run, and filters its log, by one name. */
    private static final Logger LOG = LoggerFactory.getLogger(MigrationEngine.class);

    private LedgerListing() {
    }

    /**
     * Info: each step's state as the ledger of the database it changes records it, and nothing else. The steps are
     * not planned, since planning reads the data (preconditions, token counts, every tenant's claims): the database
     * and the ledger key come from the identity each migrator declares from the step's parameters, the description
     * and checksum from its ledger row.
     */
    static void list(List<PlannedStep> steps, List<StepIdentity> identities, TargetDatabases databases,
                     MigrationReport report) throws LedgerException {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < steps.size(); i++) {
            PlannedStep step = steps.get(i);
            StepReport stepReport = report.addStep(new StepReport(step.id(), step.version(), step.order(),
                    step.migratorName(), step.configLocation()));
            StepIdentity identity = identities.get(i);
            TargetDatabase target;
            try {
                target = databases.forLogical(identity.database());
            } catch (MigrationException | RuntimeException e) {
                stepReport.outcome(StepReport.Outcome.FAILED);
                stepReport.error(step.configLocation() + ": " + MigrationEngine.describe(e));
                LOG.error("[{}] cannot be looked up: {}", step.id(), Secrets.mask(MigrationEngine.describe(e)));
                continue;
            }
            String key = MigrationEngine.stepKey(step, identity, keys);
            Optional<LedgerEntry> done = target.ledger().lastSuccess(key);
            Optional<LedgerEntry> last = done.isPresent() ? done : target.ledger().latest(key);
            if (!last.isPresent()) {
                stepReport.planned(identity.database(), step.describe(), null, Collections.<String>emptyList());
                stepReport.outcome(StepReport.Outcome.PENDING);
                continue;
            }
            LedgerEntry entry = last.get();
            stepReport.planned(identity.database(), entry.description(), entry.checksum(),
                    Collections.<String>emptyList());
            stepReport.note(recorded(entry));
            stepReport.outcome(infoOutcome(entry.outcome()));
        }
    }

    private static StepReport.Outcome infoOutcome(Outcome recorded) {
        switch (recorded) {
            case SUCCESS:
                return StepReport.Outcome.ALREADY_APPLIED;
            case FAILED:
                return StepReport.Outcome.ATTEMPT_FAILED;
            case RUNNING:
                return StepReport.Outcome.ATTEMPT_UNFINISHED;
            case INTERRUPTED:
                return StepReport.Outcome.ATTEMPT_INTERRUPTED;
            default:
                throw new AssertionError(recorded);
        }
    }

    /**
     * A ledger row as {@code info} shows it: how it ended, who ran it in which run (the lock holder, recorded as
     * executed-by), when, and the checksum of the step's content then.
     */
    private static String recorded(LedgerEntry entry) {
        String text = entry.outcome() + " by " + entry.executedBy() + ", started " + entry.startedAt()
                + (entry.finishedAt() == null ? ", not finished" : ", finished " + entry.finishedAt()) + ", "
                + entry.rowsAffected() + " rows, checksum " + entry.checksum();
        return entry.detail() == null ? text : text + ": " + entry.detail();
    }
}
