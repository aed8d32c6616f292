package org.wso2.carbon.is.migration.migrator.claim;

import java.util.Objects;

/**
 * One IDN_CLAIM_MAPPED_ATTRIBUTE row of a local claim: the user-store attribute the claim maps to in one domain.
 *
 * @param domain    the user-store domain, upper case as the server stores it ({@code PRIMARY})
 * @param attribute the attribute name in that user store
 */
public record MappedAttribute(String domain, String attribute) {
    public MappedAttribute {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(attribute, "attribute");
    }
}
