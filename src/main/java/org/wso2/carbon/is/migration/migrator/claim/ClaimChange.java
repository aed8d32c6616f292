package org.wso2.carbon.is.migration.migrator.claim;

import java.util.Objects;

/**
 * One default value a release changed in an existing claim.
 *
 * @param dialect the claim's dialect URI
 * @param claim   the claim URI
 * @param target  which stored row holds the value
 * @param name    the property name (PROPERTY), the user-store domain (MAPPED_ATTRIBUTE), the local dialect
 *                (MAPPED_LOCAL_CLAIM), or the claim-config.xml element (NOT_STORED)
 * @param from    the previous release's default value (MAPPED_LOCAL_CLAIM: a local claim URI)
 * @param to      the new release's default value (MAPPED_LOCAL_CLAIM: a local claim URI)
 */
public final class ClaimChange {
    private final String dialect;
    private final String claim;
    private final Target target;
    private final String name;
    private final String from;
    private final String to;

    /** Where the value lives in the database. */
    public enum Target {
        /** IDN_CLAIM_PROPERTY.PROPERTY_VALUE of the property {@code name}. */
        PROPERTY,
        /** IDN_CLAIM_MAPPED_ATTRIBUTE.ATTRIBUTE_NAME of the domain {@code name}. */
        MAPPED_ATTRIBUTE,
        /** IDN_CLAIM_MAPPING.MAPPED_LOCAL_CLAIM_ID of an external claim, a claim of the local dialect {@code name}. */
        MAPPED_LOCAL_CLAIM,
        /** Only in claim-config.xml: the server keeps no row for it (e.g. an external claim's AttributeID). */
        NOT_STORED
    }

    public ClaimChange(String dialect, String claim, Target target, String name, String from, String to) {
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        this.dialect = dialect;
        this.claim = claim;
        this.target = target;
        this.name = name;
        this.from = from;
        this.to = to;
    }

    public String dialect() {
        return dialect;
    }

    public String claim() {
        return claim;
    }

    public Target target() {
        return target;
    }

    public String name() {
        return name;
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }

    /** e.g. {@code property RegEx of urn:...:phoneNumbers} */
    public String describe() {
        switch (target) {
            case PROPERTY:
                return "property " + name + " of " + claim;
            case MAPPED_ATTRIBUTE:
                return "mapped attribute (" + name + ") of " + claim;
            case MAPPED_LOCAL_CLAIM:
                return "mapped local claim of " + claim;
            case NOT_STORED:
                return name + " of " + claim;
            default:
                throw new IllegalStateException("Unknown target " + target);
        }
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof ClaimChange)) {
            return false;
        }
        ClaimChange that = (ClaimChange) other;
        return Objects.equals(dialect, that.dialect) && Objects.equals(claim, that.claim)
                && Objects.equals(target, that.target) && Objects.equals(name, that.name)
                && Objects.equals(from, that.from) && Objects.equals(to, that.to);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dialect, claim, target, name, from, to);
    }

    @Override
    public String toString() {
        return "ClaimChange[dialect=" + dialect + ", claim=" + claim + ", target=" + target + ", name=" + name
                + ", from=" + from + ", to=" + to + "]";
    }
}
