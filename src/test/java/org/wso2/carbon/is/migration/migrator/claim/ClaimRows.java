package org.wso2.carbon.is.migration.migrator.claim;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A tenant's claim rows as comparable lines, ids replaced by the URIs they point at: read from a database with the
 * test's own SQL, or derived straight from the release facts. Lists keep duplicates, so a row added twice shows.
 */
public final class ClaimRows {

    private ClaimRows() {
    }

    /** What the facts say a tenant seeded with this release's claims holds, sorted. */
    public static List<String> expected(ReleaseClaimFacts facts) {
        return expected(facts, UnaryOperator.identity());
    }

    /** As {@link #expected(ReleaseClaimFacts)}, each claim passed through {@code adjust} first. */
    public static List<String> expected(ReleaseClaimFacts facts,
                                        UnaryOperator<ReleaseClaimFacts.Claim> adjust) {
        List<String> rows = new ArrayList<>();
        facts.claims().stream().map(ReleaseClaimFacts.Claim::dialect).distinct()
                .forEach(dialect -> rows.add("DIALECT " + dialect));
        for (ReleaseClaimFacts.Claim original : facts.claims()) {
            ReleaseClaimFacts.Claim claim = adjust.apply(original);
            String id = claim.dialect() + " | " + claim.claim();
            rows.add("CLAIM " + id);
            if (claim.isLocal()) {
                for (MappedAttribute attribute : claim.mappedAttributes()) {
                    rows.add("ATTRIBUTE " + id + " | " + attribute.domain() + " | " + attribute.attribute());
                }
            } else {
                rows.add("MAPPING " + id + " | " + claim.mappedLocalClaim());
            }
            for (Map.Entry<String, String> property : claim.storedProperties().entrySet()) {
                rows.add("PROPERTY " + id + " | " + property.getKey() + " | " + property.getValue());
            }
        }
        rows.sort(null);
        return rows;
    }

    /** Every claim row the tenant has, sorted. A row pointing at another tenant's row is marked so. */
    public static List<String> read(Connection connection, int tenant) throws SQLException {
        List<String> rows = new ArrayList<>();
        query(connection, "DIALECT", "SELECT DIALECT_URI, 1 FROM IDN_CLAIM_DIALECT WHERE TENANT_ID = ?", tenant, rows);
        query(connection, "CLAIM", "SELECT D.DIALECT_URI, C.CLAIM_URI,"
                + " CASE WHEN D.TENANT_ID = C.TENANT_ID THEN 1 ELSE 0 END"
                + " FROM IDN_CLAIM C JOIN IDN_CLAIM_DIALECT D ON C.DIALECT_ID = D.ID WHERE C.TENANT_ID = ?",
                tenant, rows);
        query(connection, "ATTRIBUTE", "SELECT D.DIALECT_URI, C.CLAIM_URI, A.USER_STORE_DOMAIN_NAME,"
                + " A.ATTRIBUTE_NAME, CASE WHEN C.TENANT_ID = A.TENANT_ID THEN 1 ELSE 0 END"
                + " FROM IDN_CLAIM_MAPPED_ATTRIBUTE A JOIN IDN_CLAIM C ON A.LOCAL_CLAIM_ID = C.ID"
                + " JOIN IDN_CLAIM_DIALECT D ON C.DIALECT_ID = D.ID WHERE A.TENANT_ID = ?", tenant, rows);
        query(connection, "MAPPING", "SELECT D.DIALECT_URI, C.CLAIM_URI, L.CLAIM_URI,"
                + " CASE WHEN C.TENANT_ID = M.TENANT_ID AND L.TENANT_ID = M.TENANT_ID THEN 1 ELSE 0 END"
                + " FROM IDN_CLAIM_MAPPING M JOIN IDN_CLAIM C ON M.EXT_CLAIM_ID = C.ID"
                + " JOIN IDN_CLAIM L ON M.MAPPED_LOCAL_CLAIM_ID = L.ID"
                + " JOIN IDN_CLAIM_DIALECT D ON C.DIALECT_ID = D.ID WHERE M.TENANT_ID = ?", tenant, rows);
        query(connection, "PROPERTY", "SELECT D.DIALECT_URI, C.CLAIM_URI, P.PROPERTY_NAME, P.PROPERTY_VALUE,"
                + " CASE WHEN C.TENANT_ID = P.TENANT_ID THEN 1 ELSE 0 END"
                + " FROM IDN_CLAIM_PROPERTY P JOIN IDN_CLAIM C ON P.LOCAL_CLAIM_ID = C.ID"
                + " JOIN IDN_CLAIM_DIALECT D ON C.DIALECT_ID = D.ID WHERE P.TENANT_ID = ?", tenant, rows);
        rows.sort(null);
        return rows;
    }

    /** Adds one line per result row: the kind, the text columns joined by " | ", then the same-tenant flag. */
    private static void query(Connection connection, String kind, String sql, int tenant, List<String> rows)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setInt(1, tenant);
            try (ResultSet result = query.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<String> values = new ArrayList<>();
                    for (int i = 1; i < columns; i++) {
                        values.add(result.getString(i));
                    }
                    rows.add(kind + " " + String.join(" | ", values)
                            + (result.getInt(columns) == 1 ? "" : " (points at another tenant's row)"));
                }
            }
        }
    }
}
