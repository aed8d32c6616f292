package org.wso2.carbon.is.migration.migrator.claim;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.wso2.carbon.is.migration.migrator.claim.TenantClaims.StoredClaim;

/**
 * What one tenant needs of a release's claim set. A tenant without any claim dialect gets the full set, as the
 * server seeds such a tenant from claim-config.xml on first load. Any other tenant gets only the claims the release
 * added, each only when the tenant does not have it: a claim the tenant has is never touched, and one whose stored
 * rows differ from the release's default is reported as the tenant's own edit. Claims the tenant deleted are not
 * brought back.
 */
public final class ClaimAdditionPlan {

    private final Tenant tenant;
    private final ClaimSet release;
    private final boolean seed;
    private final List<String> dialects = new ArrayList<>();
    private final List<ClaimDefinition> claims = new ArrayList<>();
    private final List<String> present = new ArrayList<>();
    private final List<String> edited = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();

    private ClaimAdditionPlan(Tenant tenant, ClaimSet release, boolean seed) {
        this.tenant = tenant;
        this.release = release;
        this.seed = seed;
    }

    /** Works out the tenant's additions from what it has now. Reads only. */
    public static ClaimAdditionPlan of(Connection connection, Tenant tenant, TenantClaims state, ClaimSet release)
            throws SQLException {
        if (state.isEmpty()) {
            ClaimAdditionPlan plan = new ClaimAdditionPlan(tenant, release, true);
            plan.dialects.addAll(release.dialects());
            plan.claims.addAll(release.claims());
            return plan;
        }
        ClaimAdditionPlan plan = new ClaimAdditionPlan(tenant, release, false);
        Set<String> newDialects = new LinkedHashSet<>();
        Set<String> localClaimsAdded = new HashSet<>();
        for (ClaimDefinition claim : release.added()) {
            Optional<Integer> existing = state.claimId(claim.dialect(), claim.claim());
            if (existing.isPresent()) {
                String difference = differences(claim, state.stored(connection, existing.get()));
                if (difference.isEmpty()) {
                    plan.present.add(claim.claim());
                } else {
                    plan.edited.add(claim.claim() + " (" + difference + ")");
                }
                continue;
            }
            if (!claim.isLocal() && !state.claimId(release.localDialect(), claim.mappedLocalClaim()).isPresent()
                    && !localClaimsAdded.contains(claim.mappedLocalClaim())) {
                plan.skipped.add(claim.claim() + ": its local claim " + claim.mappedLocalClaim()
                        + " is not in this tenant");
                continue;
            }
            if (!state.dialectId(claim.dialect()).isPresent()) {
                newDialects.add(claim.dialect());
            }
            if (claim.isLocal()) {
                localClaimsAdded.add(claim.claim());
            }
            plan.claims.add(claim);
        }
        plan.dialects.addAll(newDialects);
        return plan;
    }

    /** Inserts the planned rows; returns how many. */
    public long apply(ClaimRowWriter writer) throws SQLException {
        for (String dialect : dialects) {
            writer.addDialect(dialect);
        }
        for (ClaimDefinition claim : claims) {
            writer.addClaim(claim);
        }
        return writer.flush();
    }

    public boolean seeds() {
        return seed;
    }

    public List<ClaimDefinition> claimsToAdd() {
        return Collections.unmodifiableList(new ArrayList<>(claims));
    }

    public long rowCount() {
        return dialects.size() + claims.stream().mapToLong(claim -> 1 + claim.dependentRows()).sum();
    }

    /** One line for the report after the tenant committed. */
    public String summary() {
        if (seed) {
            return "had no claim dialects, so it got the full " + release.release() + " claim set as the server"
                    + " seeds a new tenant: " + counts();
        }
        List<String> parts = new ArrayList<>();
        parts.add(claims.isEmpty() ? "nothing to add" : "added " + claims.stream().map(ClaimDefinition::claim)
                .collect(Collectors.joining(", ")) + (dialects.isEmpty() ? "" : " and dialect(s) "
                + String.join(", ", dialects)) + " (" + rowCount() + " rows)");
        parts.addAll(notAdded());
        return String.join("; ", parts);
    }

    /** The rows a dry run would insert, one line each for additions, a count per table for a full seeding. */
    public List<String> describeRows() {
        String prefix = tenant + ": would insert ";
        List<String> lines = new ArrayList<>();
        if (seed) {
            lines.add(tenant + ": has no claim dialects; would seed the full " + release.release() + " claim set: "
                    + counts());
            return lines;
        }
        for (String dialect : dialects) {
            lines.add(prefix + "IDN_CLAIM_DIALECT " + dialect);
        }
        for (ClaimDefinition claim : claims) {
            StringBuilder line = new StringBuilder(prefix).append("IDN_CLAIM ").append(claim.claim());
            if (claim.isLocal()) {
                line.append(" + IDN_CLAIM_MAPPED_ATTRIBUTE ").append(claim.mappedAttributes().stream()
                        .map(a -> a.domain() + ":" + a.attribute()).collect(Collectors.joining(", ")));
            } else {
                line.append(" + IDN_CLAIM_MAPPING to ").append(claim.mappedLocalClaim());
            }
            line.append(" + IDN_CLAIM_PROPERTY ").append(claim.properties().entrySet().stream()
                    .map(p -> p.getKey() + "=" + p.getValue()).collect(Collectors.joining(", ")));
            lines.add(line.toString());
        }
        List<String> notAdded = notAdded();
        if (claims.isEmpty() || !notAdded.isEmpty()) {
            lines.add(tenant + ": " + (claims.isEmpty() ? "nothing to insert" + (notAdded.isEmpty() ? "" : "; ")
                    : "") + String.join("; ", notAdded));
        }
        return lines;
    }

    /** The release's new claims the tenant does not get, with the reason. */
    private List<String> notAdded() {
        List<String> parts = new ArrayList<>();
        if (!present.isEmpty()) {
            parts.add("already present: " + String.join(", ", present));
        }
        if (!edited.isEmpty()) {
            parts.add("already present with the tenant's own values, left as they are: "
                    + String.join("; ", edited));
        }
        if (!skipped.isEmpty()) {
            parts.add("not added: " + String.join("; ", skipped));
        }
        return parts;
    }

    private String counts() {
        long attributes = claims.stream().mapToLong(claim -> claim.mappedAttributes().size()).sum();
        long mappings = claims.stream().filter(claim -> !claim.isLocal()).count();
        long properties = claims.stream().mapToLong(claim -> claim.properties().size()).sum();
        return dialects.size() + " IDN_CLAIM_DIALECT, " + claims.size() + " IDN_CLAIM, " + attributes
                + " IDN_CLAIM_MAPPED_ATTRIBUTE, " + mappings + " IDN_CLAIM_MAPPING, " + properties
                + " IDN_CLAIM_PROPERTY rows (" + rowCount() + " in all)";
    }

    /** How a stored claim differs from the release's definition, or "" when it does not. */
    private static String differences(ClaimDefinition claim, StoredClaim stored) {
        List<String> differences = new ArrayList<>();
        if (!new HashSet<>(claim.mappedAttributes()).equals(new HashSet<>(stored.mappedAttributes()))) {
            differences.add("mapped attributes " + stored.mappedAttributes().stream()
                    .map(a -> a.domain() + ":" + a.attribute()).collect(Collectors.toList()) + ", default "
                    + claim.mappedAttributes().stream().map(a -> a.domain() + ":" + a.attribute())
                    .collect(Collectors.toList()));
        }
        if (!Objects.equals(claim.mappedLocalClaim(), stored.mappedLocalClaim())) {
            differences.add("mapped to " + stored.mappedLocalClaim() + ", default " + claim.mappedLocalClaim());
        }
        Set<String> names = new LinkedHashSet<>(claim.properties().keySet());
        names.addAll(stored.properties().keySet());
        for (String name : names) {
            String expected = claim.properties().get(name);
            String actual = stored.properties().get(name);
            if (!Objects.equals(expected, actual)) {
                differences.add(name + " " + quote(actual) + ", default " + quote(expected));
            }
        }
        return String.join(", ", differences);
    }

    private static String quote(String value) {
        return value == null ? "(none)" : "'" + value + "'";
    }

    /** For tests and reports: which claims the tenant has with its own values. */
    public List<String> edited() {
        return Collections.unmodifiableList(new ArrayList<>(edited));
    }

    public List<String> present() {
        return Collections.unmodifiableList(new ArrayList<>(present));
    }
}
