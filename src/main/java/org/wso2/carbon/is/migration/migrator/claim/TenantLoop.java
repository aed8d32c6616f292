package org.wso2.carbon.is.migration.migrator.claim;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.wso2.carbon.is.migration.api.MigrationDatabase;
import org.wso2.carbon.is.migration.api.MigrationException;
import org.wso2.carbon.is.migration.api.StepProgress;

/**
 * Runs a step's work tenant by tenant, each tenant in its own transaction, which also records in the ledger that the
 * tenant is done ({@code lastTenant}). A later attempt of the same step with the same data and settings ({@code scope})
 * continues after that tenant; with other data or settings it starts again from the first tenant, which is safe
 * because the work itself never adds a row twice.
 */
public final class TenantLoop {

    static final String LAST_TENANT = "lastTenant";
    static final String SCOPE = "scope";

    /** What one tenant's work did. */
    public static final class TenantOutcome {
        private final long rows;
        private final String summary;

        public TenantOutcome(long rows, String summary) {
            this.rows = rows;
            this.summary = summary;
        }

        public long rows() {
            return rows;
        }

        public String summary() {
            return summary;
        }

        @Override
        public boolean equals(Object other) {
            if (this == other) {
                return true;
            }
            if (!(other instanceof TenantOutcome)) {
                return false;
            }
            TenantOutcome that = (TenantOutcome) other;
            return rows == that.rows && Objects.equals(summary, that.summary);
        }

        @Override
        public int hashCode() {
            return Objects.hash(rows, summary);
        }

        @Override
        public String toString() {
            return "TenantOutcome[rows=" + rows + ", summary=" + summary + "]";
        }
    }

    /** One tenant's work, on a connection whose transaction the loop commits or rolls back. */
    @FunctionalInterface
    public interface TenantWork {
        TenantOutcome apply(Connection connection, Tenant tenant) throws SQLException, MigrationException;
    }

    private TenantLoop() {
    }

    /**
     * @param tenants tenants in migration order (the super tenant first, then ascending ids)
     * @param scope   the data checksum and tenant settings this run works with
     */
    public static void run(StepProgress progress, MigrationDatabase database, List<Tenant> tenants, String scope,
                           TenantWork work) throws MigrationException {
        Integer resumeAfter = resumePoint(progress, scope);
        progress.saveCheckpoint(SCOPE, scope);
        try (Connection connection = database.connect()) {
            for (Tenant tenant : tenants) {
                if (resumeAfter != null && tenant.id() <= resumeAfter) {
                    progress.note(tenant + ": done by an earlier attempt (checkpoint)");
                    continue;
                }
                TenantOutcome outcome;
                try {
                    outcome = work.apply(connection, tenant);
                    // In the tenant's own transaction, as a chunked walk does: the tenant's rows and the checkpoint
                    // that says it is done commit together, so a crash between the two cannot redo or skip it.
                    progress.saveCheckpoint(connection, LAST_TENANT, Integer.toString(tenant.id()));
                    connection.commit();
                } catch (SQLException | MigrationException | RuntimeException e) {
                    rollbackQuietly(connection, e);
                    throw new MigrationException(tenant + " failed and was rolled back: " + e.getMessage()
                            + ". Tenants before it are committed; the next run continues with this tenant.", e);
                }
                progress.rows(outcome.rows());
                progress.note(tenant + ": " + outcome.summary());
            }
        } catch (SQLException e) {
            throw new MigrationException("Could not connect to the " + database.logicalName() + " database: "
                    + e.getMessage(), e);
        }
    }

    private static Integer resumePoint(StepProgress progress, String scope) {
        Optional<String> last = progress.checkpoint(LAST_TENANT);
        if (!last.isPresent()) {
            return null;
        }
        if (!progress.checkpoint(SCOPE).map(scope::equals).orElse(false)) {
            progress.note("an earlier attempt stopped after tenant " + last.get() + " with other data or settings;"
                    + " starting again from the first tenant (nothing present is added twice)");
            return null;
        }
        try {
            int tenant = Integer.parseInt(last.get());
            progress.note("an earlier attempt committed every tenant up to tenant " + tenant
                    + "; continuing after it");
            return tenant;
        } catch (NumberFormatException e) {
            progress.warn("ignoring the unreadable checkpoint lastTenant='" + last.get() + "'; starting again from"
                    + " the first tenant");
            return null;
        }
    }

    private static void rollbackQuietly(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
    }
}
