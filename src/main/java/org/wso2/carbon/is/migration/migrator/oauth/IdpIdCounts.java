package org.wso2.carbon.is.migration.migrator.oauth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.wso2.carbon.is.migration.chunk.ChunkRange;
import org.wso2.carbon.is.migration.transform.IdpIdRule;

/**
 * How many rows of one table still need IDP_ID, by what the rule gives them: their tenant's LOCAL IdP, a federated
 * IdP, or nothing (with the reason, per tenant and IdP name). Read with one grouped query over the table, or summed
 * from one such query per chunk of a walk; changing nothing.
 */
final class IdpIdCounts {

    private final OAuthTable table;
    private long toLocal;
    private long toFederated;
    private final Map<String, Long> left = new LinkedHashMap<>();

    private IdpIdCounts(OAuthTable table) {
        this.table = table;
    }

    /** Counts on {@code connection}; {@code idpIdColumnExists} false counts every row (a dry run before step1). */
    static IdpIdCounts read(Connection connection, OAuthTable table, boolean idpIdColumnExists) throws SQLException {
        IdpIdCounts counts = new IdpIdCounts(table);
        try (PreparedStatement query = connection.prepareStatement(table.countByTarget(idpIdColumnExists))) {
            counts.add(query);
        }
        return counts;
    }

    /** Nothing counted yet: a walk adds each chunk's rows to it ({@link #addRange}). */
    static IdpIdCounts none(OAuthTable table) {
        return new IdpIdCounts(table);
    }

    /** Adds the rows of {@code range}, read on {@code connection} (the chunk's, after its update). */
    void addRange(Connection connection, ChunkRange range) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(table.countRangeByTarget(range))) {
            range.bind(query, 1);
            add(query);
        }
    }

    private void add(PreparedStatement query) throws SQLException {
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                long tenant = rows.getLong("TENANT_ID");
                String tenantText = rows.wasNull() ? null : Long.toString(tenant);
                String target = rows.getString("TARGET");
                long count = rows.getLong("ROW_COUNT");
                rows.getLong("RESOLVED_ID");
                boolean resolved = !rows.wasNull();
                boolean local = IdpIdRule.LOCAL_IDP.equals(target);
                if (resolved && local) {
                    toLocal += count;
                } else if (resolved) {
                    toFederated += count;
                } else {
                    left.merge(reason(tenantText, target, local), count, Long::sum);
                }
            }
        }
    }

    private static String reason(String tenant, String target, boolean local) {
        if (tenant == null) {
            return "rows without TENANT_ID";
        }
        if (local) {
            return "tenant " + tenant + " has no " + IdpIdRule.LOCAL_IDP + " identity provider";
        }
        if (!target.regionMatches(true, 0, IdpIdRule.FEDERATED_570_PREFIX, 0,
                IdpIdRule.FEDERATED_570_PREFIX.length())) {
            return "tenant " + tenant + ": USER_DOMAIN " + target + " names no identity provider";
        }
        return "tenant " + tenant + " has no single identity provider named '"
                + target.substring(IdpIdRule.FEDERATED_570_PREFIX.length()) + "'";
    }

    long toLocal() {
        return toLocal;
    }

    long toFederated() {
        return toFederated;
    }

    /** Rows that still need IDP_ID and that the rule can set. */
    long resolvable() {
        return toLocal + toFederated;
    }

    long leftTotal() {
        return left.values().stream().mapToLong(Long::longValue).sum();
    }

    /** One line per reason rows are left unchanged: {@code <table>: <n> rows left unchanged: <reason>}. */
    List<String> leftReports() {
        List<String> lines = new ArrayList<>();
        left.forEach((reason, count) -> lines.add(table.table() + ": " + count + " rows left unchanged, IDP_ID not set: "
                + reason));
        return lines;
    }

    String describe() {
        return toLocal + " rows to their tenant's LOCAL identity provider, " + toFederated
                + " federated rows to their identity provider (USER_DOMAIN FEDERATED:<name> becomes FEDERATED), "
                + leftTotal() + " rows left unchanged for lack of an identity provider";
    }
}
