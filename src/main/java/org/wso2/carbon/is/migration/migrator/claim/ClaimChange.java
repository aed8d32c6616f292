package org.wso2.carbon.is.migration.migrator.claim;

import java.util.Objects;

/**
 * One default value a release changed in an existing claim.
 *
 * @param dialect the claim's dialect URI
 * @param claim   the claim URI
 * @param target  which stored row holds the value
 * @param name    the property name (PROPERTY), the user-store domain (MAPPED_ATTRIBUTE), or the claim-config.xml
 *                element (NOT_STORED)
 * @param from    the previous release's default value
 * @param to      the new release's default value
 */
public record ClaimChange(String dialect, String claim, Target target, String name, String from, String to) {

    /** Where the value lives in the database. */
    public enum Target {
        /** IDN_CLAIM_PROPERTY.PROPERTY_VALUE of the property {@code name}. */
        PROPERTY,
        /** IDN_CLAIM_MAPPED_ATTRIBUTE.ATTRIBUTE_NAME of the domain {@code name}. */
        MAPPED_ATTRIBUTE,
        /** Only in claim-config.xml: the server keeps no row for it (e.g. an external claim's AttributeID). */
        NOT_STORED
    }

    public ClaimChange {
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    /** e.g. {@code property RegEx of urn:...:phoneNumbers} */
    public String describe() {
        return switch (target) {
            case PROPERTY -> "property " + name + " of " + claim;
            case MAPPED_ATTRIBUTE -> "mapped attribute (" + name + ") of " + claim;
            case NOT_STORED -> name + " of " + claim;
        };
    }
}
