package org.wso2.carbon.is.migration.migrator;

import java.util.Arrays;
import java.util.List;

/**
 * The data step's statements as the benchmark ({@code bench} package) needs them, from outside this package: the
 * floor runs exactly the step's own UPDATE, once per table over the whole table.
 */
public final class BenchmarkStatements {

    private BenchmarkStatements() {
    }

    /** One UPDATE per table of {@link OAuthDataMigrator}, in the order the step walks them, each over every row. */
    public static List<String> wholeTableIdpIdUpdates() {
        return Arrays.stream(OAuthTable.values()).map(OAuthTable::updateWholeTable).toList();
    }
}
