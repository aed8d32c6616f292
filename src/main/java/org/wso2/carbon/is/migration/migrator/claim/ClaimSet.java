package org.wso2.carbon.is.migration.migrator.claim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The full default claim set of one release, in the order the server seeds a tenant: local claims first (external
 * claims need them), then each external dialect's claims.
 *
 * @param release      the release whose claim-config.xml this is, e.g. {@code 5.9.0}
 * @param localDialect the local dialect URI
 * @param claims       every claim, local ones first
 */
public final class ClaimSet {
    private final String release;
    private final String localDialect;
    private final List<ClaimDefinition> claims;

    public ClaimSet(String release, String localDialect, List<ClaimDefinition> claims) {
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(localDialect, "localDialect");
        List<ClaimDefinition> copy = new ArrayList<>(claims);
        copy.forEach(Objects::requireNonNull);
        this.release = release;
        this.localDialect = localDialect;
        this.claims = Collections.unmodifiableList(copy);
    }

    public String release() {
        return release;
    }

    public String localDialect() {
        return localDialect;
    }

    public List<ClaimDefinition> claims() {
        return claims;
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
        return Collections.unmodifiableList(claims.stream().filter(claim -> release.equals(claim.addedIn()))
                .collect(Collectors.toList()));
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof ClaimSet)) {
            return false;
        }
        ClaimSet that = (ClaimSet) other;
        return Objects.equals(release, that.release) && Objects.equals(localDialect, that.localDialect)
                && Objects.equals(claims, that.claims);
    }

    @Override
    public int hashCode() {
        return Objects.hash(release, localDialect, claims);
    }

    @Override
    public String toString() {
        return "ClaimSet[release=" + release + ", localDialect=" + localDialect + ", claims=" + claims + "]";
    }
}
