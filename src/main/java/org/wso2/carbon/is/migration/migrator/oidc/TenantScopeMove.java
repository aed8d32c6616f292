package org.wso2.carbon.is.migration.migrator.oidc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.wso2.carbon.is.migration.migrator.claim.Tenant;

/**
 * What moving one tenant's OIDC scopes into IDN_OIDC_SCOPE / IDN_OIDC_SCOPE_CLAIM_MAPPING does, and doing it: every
 * registry scope the tenant does not have there yet becomes an IDN_OIDC_SCOPE row, and each of its claims a mapping
 * row to the IDN_CLAIM of that URI in the tenant's OIDC dialect ({@code http://wso2.org/oidc/claim}), which is how
 * the 5.7.0 server writes a scope (ScopeClaimMappingDAOImpl). A claim the dialect does not have gets no row, as in the
 * release, and is reported. A scope the tenant already has is left exactly as it is, so a second run adds nothing.
 */
final class TenantScopeMove {

    static final String OIDC_DIALECT = "http://wso2.org/oidc/claim";
    static final String EXISTING_SCOPES = "SELECT NAME FROM IDN_OIDC_SCOPE WHERE TENANT_ID = ?";
    static final String INSERT_SCOPE = "INSERT INTO IDN_OIDC_SCOPE (NAME, TENANT_ID) VALUES (?, ?)";
    static final String SCOPE_ID = "SELECT ID FROM IDN_OIDC_SCOPE WHERE NAME = ? AND TENANT_ID = ?";
    /**
     * A scope's mapping to the claim of a URI in the scope tenant's OIDC dialect; none where the dialect lacks it.
     * The scope id is read from its row, not selected as a parameter (DB2 cannot type a parameter alone in a select
     * list), and the dialect is bound.
     */
    static final String INSERT_CLAIM_MAPPING = "INSERT INTO IDN_OIDC_SCOPE_CLAIM_MAPPING (SCOPE_ID, EXTERNAL_CLAIM_ID)"
            + " SELECT S.ID, C.ID FROM IDN_OIDC_SCOPE S JOIN IDN_CLAIM_DIALECT D ON D.TENANT_ID = S.TENANT_ID"
            + " JOIN IDN_CLAIM C ON C.DIALECT_ID = D.ID WHERE S.ID = ? AND D.DIALECT_URI = ? AND C.CLAIM_URI = ?";

    private final Tenant tenant;
    private final RegistryScopes registry;
    private final Map<String, Set<String>> toAdd;
    private final List<String> present;

    private TenantScopeMove(Tenant tenant, RegistryScopes registry, Map<String, Set<String>> toAdd,
                            List<String> present) {
        this.tenant = tenant;
        this.registry = registry;
        this.toAdd = toAdd;
        this.present = present;
    }

    /** Compares the tenant's registry scopes with its IDN_OIDC_SCOPE rows; reads only. */
    static TenantScopeMove of(Connection identity, Tenant tenant, RegistryScopes registry) throws SQLException {
        Set<String> existing = new HashSet<>();
        try (PreparedStatement query = identity.prepareStatement(EXISTING_SCOPES)) {
            query.setInt(1, tenant.id());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    existing.add(rows.getString(1));
                }
            }
        }
        Map<String, Set<String>> toAdd = new LinkedHashMap<>();
        List<String> present = new ArrayList<>();
        registry.claimsByScope().forEach((scope, claims) -> {
            if (existing.contains(scope)) {
                present.add(scope);
            } else {
                toAdd.put(scope, claims);
            }
        });
        return new TenantScopeMove(tenant, registry, toAdd, present);
    }

    /** Writes the scopes to add and their claim mappings, without committing; returns the rows written. */
    long apply(Connection identity, List<String> unmapped) throws SQLException {
        long rows = 0;
        try (PreparedStatement scope = identity.prepareStatement(INSERT_SCOPE);
             PreparedStatement id = identity.prepareStatement(SCOPE_ID);
             PreparedStatement mapping = identity.prepareStatement(INSERT_CLAIM_MAPPING)) {
            for (Map.Entry<String, Set<String>> entry : toAdd.entrySet()) {
                scope.setString(1, entry.getKey());
                scope.setInt(2, tenant.id());
                rows += scope.executeUpdate();
                int scopeId = scopeId(id, entry.getKey());
                for (String claim : entry.getValue()) {
                    mapping.setInt(1, scopeId);
                    mapping.setString(2, OIDC_DIALECT);
                    mapping.setString(3, claim);
                    int written = mapping.executeUpdate();
                    if (written == 0) {
                        unmapped.add(entry.getKey() + ": " + claim);
                    }
                    rows += written;
                }
            }
        }
        return rows;
    }

    private int scopeId(PreparedStatement id, String name) throws SQLException {
        id.setString(1, name);
        id.setInt(2, tenant.id());
        try (ResultSet rows = id.executeQuery()) {
            if (!rows.next()) {
                throw new SQLException("IDN_OIDC_SCOPE row of scope '" + name + "' of " + tenant
                        + " not found right after it was inserted");
            }
            return rows.getInt(1);
        }
    }

    boolean nothingToAdd() {
        return toAdd.isEmpty();
    }

    /**
     * One line for the report (after the tenant's name): what was (or would be) added, what was present, what the
     * registry did not have.
     */
    String describe(boolean dryRun, List<String> unmapped) {
        StringBuilder line = new StringBuilder();
        if (!registry.found()) {
            return line.append("no OIDC scope resource in the registry; nothing to move (a 5.7.0 server seeds the"
                    + " super tenant's scopes from oidc-scope-config.xml when it has none)").toString();
        }
        if (toAdd.isEmpty()) {
            line.append("nothing to add");
        } else {
            line.append(dryRun ? "would add " : "added ").append(toAdd.size()).append(" scopes: ");
            List<String> scopes = new ArrayList<>();
            toAdd.forEach((scope, claims) -> scopes.add(scope + " (" + String.join(", ", claims) + ")"));
            line.append(String.join("; ", scopes));
        }
        if (!present.isEmpty()) {
            line.append("; already in IDN_OIDC_SCOPE, left as they are: ").append(String.join(", ", present));
        }
        if (!unmapped.isEmpty()) {
            line.append("; claims not in the tenant's OIDC dialect, so not mapped (as the release does): ")
                    .append(String.join(", ", unmapped));
        }
        if (!registry.ignoredValues().isEmpty()) {
            line.append("; further values of multi-valued properties, not moved (the release reads the first): ")
                    .append(String.join(", ", registry.ignoredValues()));
        }
        return line.toString();
    }
}
