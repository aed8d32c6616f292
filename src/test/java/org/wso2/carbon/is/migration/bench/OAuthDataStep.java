package org.wso2.carbon.is.migration.bench;

import java.util.List;
import java.util.Map;

import org.wso2.carbon.is.migration.migrator.oauth.BenchmarkStatements;

/**
 * The data step the benchmark compares: the 5.8.0 IDP_ID backfill ({@code OAuthDataMigrator}) of the access
 * tokens, their audit rows and the authorization codes.
 */
final class OAuthDataStep {

    static final String MIGRATOR = "OAuthDataMigrator";

    /** A table of the step and the column the old client ordered its pages by. */
    record Table(String name, String key) {
    }

    static final List<Table> TABLES = List.of(
            new Table(TokenDataSet.TOKEN_TABLE, "TOKEN_ID"),
            new Table(TokenDataSet.AUDIT_TABLE, "TOKEN_ID"),
            new Table(TokenDataSet.CODE_TABLE, "CODE_ID"));

    private OAuthDataStep() {
    }

    /** The floor's data step: the tool's own UPDATE per table (by table), over the whole table in one statement. */
    static Map<String, String> wholeTableUpdates() {
        return BenchmarkStatements.wholeTableIdpIdUpdates();
    }
}
