package org.wso2.carbon.is.migration.migrator.claim;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The full default claim set of one release, in the order the server seeds a tenant: local claims first (external
 * claims need them), then each external dialect's claims.
 *
 * @param release      the release whose claim-config.xml this is, e.g. {@code 5.9.0}
 * @param localDialect the local dialect URI
 * @param claims       every claim, local ones first
 */
public record ClaimSet(String release, String localDialect, List<ClaimDefinition> claims) {
    public ClaimSet {
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(localDialect, "localDialect");
        claims = List.copyOf(claims);
    }

    /** Dialect URIs in seeding order, the local one first. */
    public List<String> dialects() {
        Set<String> dialects = new LinkedHashSet<>();
        dialects.add(localDialect);
        claims.forEach(claim -> dialects.add(claim.dialect()));
        return new ArrayList<>(dialects);
    }

    /** The claims this release added (marked {@code addedIn: <release>}), local ones first. */
    public List<ClaimDefinition> added() {
        return claims.stream().filter(claim -> release.equals(claim.addedIn())).toList();
    }
}
