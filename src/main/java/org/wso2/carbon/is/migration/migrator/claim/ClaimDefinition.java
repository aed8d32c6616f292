package org.wso2.carbon.is.migration.migrator.claim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A default claim as the server stores it for one tenant: the IDN_CLAIM row under its dialect, and either (local
 * claim) its IDN_CLAIM_MAPPED_ATTRIBUTE rows or (external claim) the local claim its IDN_CLAIM_MAPPING row points
 * at; plus one IDN_CLAIM_PROPERTY row per entry of {@code properties} (values exactly as stored, e.g. an empty
 * {@code <Required/>} already stored as {@code "true"}).
 *
 * @param dialect          the dialect URI ({@code http://wso2.org/claims} for local claims)
 * @param claim            the claim URI
 * @param mappedAttributes a local claim's attribute rows; empty for an external claim
 * @param mappedLocalClaim an external claim's local claim URI; null for a local claim
 * @param properties       property name to stored value, in file order
 * @param addedIn          the release that introduced the claim when it is one of that release's new claims, else null
 */
public final class ClaimDefinition {
    private final String dialect;
    private final String claim;
    private final List<MappedAttribute> mappedAttributes;
    private final String mappedLocalClaim;
    private final Map<String, String> properties;
    private final String addedIn;

    public ClaimDefinition(String dialect, String claim, List<MappedAttribute> mappedAttributes,
                           String mappedLocalClaim, Map<String, String> properties, String addedIn) {
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(claim, "claim");
        List<MappedAttribute> attributes = new ArrayList<>(mappedAttributes);
        attributes.forEach(Objects::requireNonNull);
        this.dialect = dialect;
        this.claim = claim;
        this.mappedAttributes = Collections.unmodifiableList(attributes);
        this.mappedLocalClaim = mappedLocalClaim;
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        this.addedIn = addedIn;
    }

    public String dialect() {
        return dialect;
    }

    public String claim() {
        return claim;
    }

    public List<MappedAttribute> mappedAttributes() {
        return mappedAttributes;
    }

    public String mappedLocalClaim() {
        return mappedLocalClaim;
    }

    public Map<String, String> properties() {
        return properties;
    }

    public String addedIn() {
        return addedIn;
    }

    public boolean isLocal() {
        return mappedLocalClaim == null;
    }

    /** The rows this claim occupies besides its IDN_CLAIM row, for reports. */
    public int dependentRows() {
        return mappedAttributes.size() + properties.size() + (isLocal() ? 0 : 1);
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof ClaimDefinition)) {
            return false;
        }
        ClaimDefinition that = (ClaimDefinition) other;
        return Objects.equals(dialect, that.dialect) && Objects.equals(claim, that.claim)
                && Objects.equals(mappedAttributes, that.mappedAttributes)
                && Objects.equals(mappedLocalClaim, that.mappedLocalClaim)
                && Objects.equals(properties, that.properties) && Objects.equals(addedIn, that.addedIn);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dialect, claim, mappedAttributes, mappedLocalClaim, properties, addedIn);
    }

    @Override
    public String toString() {
        return claim;
    }
}
