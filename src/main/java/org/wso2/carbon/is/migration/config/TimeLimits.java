package org.wso2.carbon.is.migration.config;

/**
 * How long the run waits for a database before it says so: a connection (login included) may take
 * {@code connectTimeoutSeconds}; a statement running longer than {@code statementReportSeconds} is reported that
 * often, and its server must answer a check on a second connection within {@code connectTimeoutSeconds}.
 */
public final class TimeLimits {

    /** The defaults: 30 s for both. */
    public static final TimeLimits DEFAULT = new TimeLimits(30, 30);

    private final int connectTimeoutSeconds;
    private final int statementReportSeconds;

    public TimeLimits(int connectTimeoutSeconds, int statementReportSeconds) {
        this.connectTimeoutSeconds = connectTimeoutSeconds;
        this.statementReportSeconds = statementReportSeconds;
    }

    public int connectTimeoutSeconds() {
        return connectTimeoutSeconds;
    }

    public int statementReportSeconds() {
        return statementReportSeconds;
    }

    TimeLimits withConnectTimeoutSeconds(int seconds) {
        return new TimeLimits(seconds, statementReportSeconds);
    }

    TimeLimits withStatementReportSeconds(int seconds) {
        return new TimeLimits(connectTimeoutSeconds, seconds);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TimeLimits && ((TimeLimits) other).connectTimeoutSeconds == connectTimeoutSeconds
                && ((TimeLimits) other).statementReportSeconds == statementReportSeconds;
    }

    @Override
    public int hashCode() {
        return 31 * connectTimeoutSeconds + statementReportSeconds;
    }

    @Override
    public String toString() {
        return "TimeLimits[connectTimeoutSeconds=" + connectTimeoutSeconds + ", statementReportSeconds="
                + statementReportSeconds + "]";
    }
}
