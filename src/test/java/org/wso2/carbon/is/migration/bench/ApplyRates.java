package org.wso2.carbon.is.migration.bench;

/**
 * One apply measurement of the sync benchmark: the same backlog drained by the tool and by the old tool's approach
 * ({@link LegacySyncBaseline}), over the same connections.
 *
 * @param backlog    rows changed in the source, so journal entries to apply
 * @param toolRows   rows the tool wrote or deleted
 * @param toolMillis how long the tool took
 * @param baseline   the old approach's figures
 */
record ApplyRates(long backlog, long toolRows, long toolMillis, LegacySyncBaseline.Result baseline) {

    long toolRowsPerSecond() {
        return toolMillis > 0 ? toolRows * 1000 / toolMillis : toolRows;
    }

    /** The tool's rate over the old approach's. */
    double ratio() {
        return (double) toolRowsPerSecond() / Math.max(1, baseline.rowsPerSecond());
    }
}
