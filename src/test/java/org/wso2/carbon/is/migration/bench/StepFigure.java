package org.wso2.carbon.is.migration.bench;

/** How long one step took and how many rows it changed, in one of the benchmark's runs. */
record StepFigure(String label, long rows, long millis) {

    double seconds() {
        return millis / 1000.0;
    }

    /** Rows per second; 0 when the step took no measurable time. */
    long rowsPerSecond() {
        return millis > 0 ? rows * 1000 / millis : 0;
    }
}
