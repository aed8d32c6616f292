package org.wso2.carbon.is.migration.migrator.claim;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The release facts {@code claims-<version>.json} (copied from the shared release facts into
 * src/test/resources/release-facts): every default claim of a release with the rows the server stores for it
 * ({@code dbProperties}, {@code mappedAttributes}, {@code mappedLocalClaim}) and the raw claim-config.xml values
 * ({@code attributeId}, {@code properties}).
 */
public record ReleaseClaimFacts(String version, List<Claim> claims) {

    public static final String LOCAL_DIALECT = "http://wso2.org/claims";

    /** One claim of the facts. */
    public record Claim(String dialect, String claim, String attributeId, List<MappedAttribute> mappedAttributes,
                        String mappedLocalClaim, Map<String, String> rawProperties,
                        Map<String, String> storedProperties) {
        public boolean isLocal() {
            return dialect.equals(LOCAL_DIALECT);
        }

        /** The claim as the migrator's model holds it, the stored rows only. */
        public ClaimDefinition definition(String addedIn) {
            return new ClaimDefinition(dialect, claim, mappedAttributes, isLocal() ? null : mappedLocalClaim,
                    storedProperties, addedIn);
        }
    }

    public static ReleaseClaimFacts load(String version) {
        String resource = "/release-facts/claims-" + version + ".json";
        try (InputStream in = ReleaseClaimFacts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource " + resource);
            }
            JsonNode root = new ObjectMapper().readTree(in);
            List<Claim> claims = new ArrayList<>();
            Iterator<Map.Entry<String, JsonNode>> dialects = root.get("dialects").fields();
            while (dialects.hasNext()) {
                Map.Entry<String, JsonNode> dialect = dialects.next();
                for (JsonNode claim : dialect.getValue()) {
                    List<MappedAttribute> attributes = new ArrayList<>();
                    for (JsonNode attribute : claim.get("mappedAttributes")) {
                        attributes.add(new MappedAttribute(attribute.get("domain").asText(),
                                attribute.get("attribute").asText()));
                    }
                    claims.add(new Claim(dialect.getKey(), claim.get("claimUri").asText(),
                            claim.path("attributeId").asText(null), attributes,
                            claim.path("mappedLocalClaim").asText(null), strings(claim.get("properties")),
                            strings(claim.get("dbProperties"))));
                }
            }
            if (!claims.get(0).isLocal()) {
                throw new IllegalStateException(resource + ": the local dialect must come first");
            }
            return new ReleaseClaimFacts(version, claims);
        } catch (IOException e) {
            throw new IllegalStateException("Could not read " + resource + ": " + e.getMessage(), e);
        }
    }

    /** The release's claims as the migrator's claim set, nothing marked as added. */
    public ClaimSet claimSet() {
        return new ClaimSet(version, LOCAL_DIALECT, claims.stream().map(c -> c.definition(null)).toList());
    }

    public Claim find(String dialect, String claim) {
        return claims.stream().filter(c -> c.dialect().equals(dialect) && c.claim().equals(claim)).findFirst()
                .orElse(null);
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> values = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
        return values;
    }
}
