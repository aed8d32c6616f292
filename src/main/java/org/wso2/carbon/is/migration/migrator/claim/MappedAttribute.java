package org.wso2.carbon.is.migration.migrator.claim;

import java.util.Objects;

/**
 * One IDN_CLAIM_MAPPED_ATTRIBUTE row of a local claim: the user-store attribute the claim maps to in one domain.
 *
 * @param domain    the user-store domain, upper case as the server stores it ({@code PRIMARY})
 * @param attribute the attribute name in that user store
 */
public final class MappedAttribute {
    private final String domain;
    private final String attribute;

    public MappedAttribute(String domain, String attribute) {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(attribute, "attribute");
        this.domain = domain;
        this.attribute = attribute;
    }

    public String domain() {
        return domain;
    }

    public String attribute() {
        return attribute;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof MappedAttribute)) {
            return false;
        }
        MappedAttribute that = (MappedAttribute) other;
        return Objects.equals(domain, that.domain) && Objects.equals(attribute, that.attribute);
    }

    @Override
    public int hashCode() {
        return Objects.hash(domain, attribute);
    }

    @Override
    public String toString() {
        return "MappedAttribute[domain=" + domain + ", attribute=" + attribute + "]";
    }
}
