package org.wso2.carbon.is.migration.cli;

/** Placeholder replaced by the standalone command line. */
public final class MigrationCli {
    private MigrationCli() {
    }

    public static void main(String[] args) {
        throw new UnsupportedOperationException("not built yet");
    }
}
