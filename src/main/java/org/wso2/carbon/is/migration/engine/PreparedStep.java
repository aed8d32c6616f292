package org.wso2.carbon.is.migration.engine;

import java.util.Objects;

import org.wso2.carbon.is.migration.api.Migrator;
import org.wso2.carbon.is.migration.api.StepPlan;
import org.wso2.carbon.is.migration.report.StepReport;

/** One planned step with its migrator, context, report, plan, database and ledger key. */
final class PreparedStep {
    private final PlannedStep step;
    private final Migrator migrator;
    private final StepContext context;
    private final StepReport report;
    private final StepPlan plan;
    private final TargetDatabase target;
    private final String key;

    PreparedStep(PlannedStep step, Migrator migrator, StepContext context, StepReport report, StepPlan plan,
                 TargetDatabase target, String key) {
        this.step = step;
        this.migrator = migrator;
        this.context = context;
        this.report = report;
        this.plan = plan;
        this.target = target;
        this.key = key;
    }

    PlannedStep step() {
        return step;
    }

    Migrator migrator() {
        return migrator;
    }

    StepContext context() {
        return context;
    }

    StepReport report() {
        return report;
    }

    StepPlan plan() {
        return plan;
    }

    TargetDatabase target() {
        return target;
    }

    String key() {
        return key;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof PreparedStep)) {
            return false;
        }
        PreparedStep that = (PreparedStep) other;
        return Objects.equals(step, that.step) && Objects.equals(migrator, that.migrator)
                && Objects.equals(context, that.context) && Objects.equals(report, that.report)
                && Objects.equals(plan, that.plan) && Objects.equals(target, that.target)
                && Objects.equals(key, that.key);
    }

    @Override
    public int hashCode() {
        return Objects.hash(step, migrator, context, report, plan, target, key);
    }

    @Override
    public String toString() {
        return "PreparedStep[step=" + step + ", migrator=" + migrator + ", context=" + context + ", report=" + report
                + ", plan=" + plan + ", target=" + target + ", key=" + key + "]";
    }
}
