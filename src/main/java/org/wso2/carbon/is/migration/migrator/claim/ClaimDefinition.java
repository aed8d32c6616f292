package org.wso2.carbon.is.migration.migrator.claim;

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
public record ClaimDefinition(String dialect, String claim, List<MappedAttribute> mappedAttributes,
                              String mappedLocalClaim, Map<String, String> properties, String addedIn) {
    public ClaimDefinition {
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(claim, "claim");
        mappedAttributes = List.copyOf(mappedAttributes);
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    public boolean isLocal() {
        return mappedLocalClaim == null;
    }

    /** The rows this claim occupies besides its IDN_CLAIM row, for reports. */
    public int dependentRows() {
        return mappedAttributes.size() + properties.size() + (isLocal() ? 0 : 1);
    }

    @Override
    public String toString() {
        return claim;
    }
}
