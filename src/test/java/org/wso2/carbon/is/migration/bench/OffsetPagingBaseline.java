package org.wso2.carbon.is.migration.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import org.wso2.carbon.is.migration.schema.IndexSchema;
import org.wso2.carbon.is.migration.schema.SchemaFacts;
import org.wso2.carbon.is.migration.testsupport.TestDatabase;

/**
 * The old client's way of changing a big table, reproduced for the data step: read the table in pages of 10,000 rows
 * with {@code ORDER BY key LIMIT 10000 OFFSET k}, work out each row's new values in Java, write them back one row per
 * statement in a JDBC batch, and commit per page. Every page re-reads all the rows before its offset, so the cost
 * grows with the square of the table.
 *
 * <p>It does the same change as the tool (IDP_ID from the tenant's LOCAL IdP, or for a 5.7.0 federated row the IdP
 * named in USER_DOMAIN, which becomes {@code FEDERATED}; rows without an IdP left alone), with the IdP table read
 * once into memory. The token-audit table has no index, so paging it would scan the whole table per page and per
 * row; the baseline first indexes its TOKEN_ID (timed), which only favours the baseline.
 *
 * <p>It runs on the schema the old client's data step saw: after the shipped step1 (which adds IDP_ID) the 5.7.0
 * indexes of the walked tables that step1 drops for this tool's backfill (on PostgreSQL and H2) are built again,
 * untimed ({@link #withReleaseIndexes}); the old client never dropped them (its step1 even added the 5.8.0 ones).
 */
final class OffsetPagingBaseline {

    static final int PAGE = 10_000;

    /** Rows changed, total time, and the longest page (the longest the baseline held row locks at once). */
    record Result(long rows, long millis, long longestPageMillis, long pages) {
    }

    private final TestDatabase identity;

    OffsetPagingBaseline(TestDatabase identity) {
        this.identity = identity;
    }

    /** Builds again, untimed, any 5.7.0 index of the walked tables (from the release facts) that is not there. */
    static void withReleaseIndexes(TestDatabase identity, String factsDialect) throws SQLException {
        SchemaFacts release = SchemaFacts.load(factsDialect, "5.7.0", false);
        try (Connection connection = identity.connect(); Statement statement = connection.createStatement()) {
            for (OAuthDataStep.Table table : OAuthDataStep.TABLES) {
                for (IndexSchema index : release.tables().get(table.name()).indexes()) {
                    statement.execute("CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX IF NOT EXISTS "
                            + index.name() + " ON " + table.name() + " (" + String.join(", ", index.columns()) + ")");
                }
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
    }

    Result run() throws SQLException {
        long started = System.nanoTime();
        long rows = 0;
        long longest = 0;
        long pages = 0;
        try (Connection connection = identity.connect()) {
            connection.setAutoCommit(false);
            Map<String, Integer> idps = idps(connection);
            for (OAuthDataStep.Table table : OAuthDataStep.TABLES) {
                if (table.name().equals(TokenDataSet.AUDIT_TABLE)) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("CREATE INDEX BENCH_AUDIT_TOKEN_ID ON " + table.name() + " (TOKEN_ID)");
                    }
                    connection.commit();
                }
                String select = "SELECT " + table.key() + ", TENANT_ID, USER_DOMAIN FROM " + table.name()
                        + " ORDER BY " + table.key() + " LIMIT " + PAGE + " OFFSET ?";
                String update = "UPDATE " + table.name() + " SET IDP_ID = ?, USER_DOMAIN = ? WHERE " + table.key()
                        + " = ?";
                try (PreparedStatement page = connection.prepareStatement(select);
                     PreparedStatement write = connection.prepareStatement(update)) {
                    for (long offset = 0; ; offset += PAGE) {
                        long pageStarted = System.nanoTime();
                        page.setLong(1, offset);
                        int read = 0;
                        int batched = 0;
                        try (ResultSet result = page.executeQuery()) {
                            while (result.next()) {
                                read++;
                                String key = result.getString(1);
                                int tenant = result.getInt(2);
                                String domain = result.getString(3);
                                boolean federated = domain != null && domain.startsWith("FEDERATED:");
                                Integer idp = idps.get(tenant + "/"
                                        + (federated ? domain.substring("FEDERATED:".length()) : "LOCAL"));
                                if (idp == null) {
                                    continue;
                                }
                                write.setInt(1, idp);
                                write.setString(2, federated ? "FEDERATED" : domain);
                                write.setString(3, key);
                                write.addBatch();
                                batched++;
                            }
                        }
                        if (batched > 0) {
                            write.executeBatch();
                        }
                        connection.commit();
                        rows += batched;
                        pages++;
                        longest = Math.max(longest, (System.nanoTime() - pageStarted) / 1_000_000);
                        if (read < PAGE) {
                            break;
                        }
                    }
                }
            }
        }
        return new Result(rows, (System.nanoTime() - started) / 1_000_000, longest, pages);
    }

    private static Map<String, Integer> idps(Connection connection) throws SQLException {
        Map<String, Integer> idps = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT ID, TENANT_ID, NAME FROM IDP")) {
            while (rows.next()) {
                idps.put(rows.getInt(2) + "/" + rows.getString(3), rows.getInt(1));
            }
        }
        connection.commit();
        return idps;
    }
}
