package org.wso2.carbon.is.migration.migrator.claim;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.wso2.carbon.is.migration.api.MigrationException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Loads {@code <version>/data/claims.yaml}: a release's full default claim set, the claims that release added marked
 * {@code addedIn}. The file's shape:
 * <pre>
 * release: "5.9.0"
 * localDialect: "http://wso2.org/claims"
 * dialects:
 *   - dialect: "http://wso2.org/claims"
 *     claims:
 *       - claim: "http://wso2.org/claims/identity/accountState"
 *         addedIn: "5.9.0"
 *         mappedAttributes: [{domain: "PRIMARY", attribute: "accountState"}]
 *         properties: {DisplayName: "Account State", Description: "Account State", ReadOnly: "true"}
 *   - dialect: "urn:ietf:params:scim:schemas:core:2.0:User"
 *     claims:
 *       - claim: "urn:ietf:params:scim:schemas:core:2.0:User:userName"
 *         mappedLocalClaim: "http://wso2.org/claims/username"
 *         properties: {...}
 * </pre>
 * The local dialect comes first; local claims carry {@code mappedAttributes}, external claims {@code mappedLocalClaim}
 * (which must be a local claim of the file).
 */
public final class ClaimDataFile {

    private static final Set<String> TOP = Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(
            "release", "localDialect", "dialects")));
    private static final Set<String> DIALECT = Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(
            "dialect", "claims")));
    private static final Set<String> CLAIM = Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(
            "claim", "addedIn", "mappedAttributes", "mappedLocalClaim", "properties")));
    private static final Set<String> ATTRIBUTE = Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(
            "domain", "attribute")));

    private final ClaimSet claims;
    private final String checksum;

    private ClaimDataFile(ClaimSet claims, String checksum) {
        this.claims = claims;
        this.checksum = checksum;
    }

    public ClaimSet claims() {
        return claims;
    }

    /** SHA-256 of the file, hex. */
    public String checksum() {
        return checksum;
    }

    /**
     * Reads and checks the file.
     *
     * @param expectedRelease the release the step migrates to; the file must say the same
     */
    public static ClaimDataFile load(Path file, String expectedRelease) throws MigrationException {
        DataFileReader reader = DataFileReader.open(file);
        Node root = reader.root();
        Map<String, Node> top = reader.mapping(root, "the file", TOP);
        reader.requireRelease(top, root, expectedRelease);
        String release = expectedRelease;
        String localDialect = reader.requiredText(top, root, "localDialect", "the file");
        List<ClaimDefinition> local = new ArrayList<>();
        List<ClaimDefinition> external = new ArrayList<>();
        Map<Node, ClaimDefinition> byNode = new LinkedHashMap<>();
        Set<String> dialectsSeen = new HashSet<>();
        for (Node dialectNode : reader.sequence(reader.required(top, root, "dialects", "the file"), "dialects")) {
            Map<String, Node> dialectEntries = reader.mapping(dialectNode, "a dialect", DIALECT);
            String dialect = reader.requiredText(dialectEntries, dialectNode, "dialect", "a dialect");
            if (!dialectsSeen.add(dialect)) {
                throw reader.error(dialectNode, "dialect " + dialect + " is listed twice");
            }
            if (dialectsSeen.size() == 1 && !dialect.equals(localDialect)) {
                throw reader.error(dialectNode, "the first dialect must be the local dialect " + localDialect
                        + " (external claims are added after the local claims they map to)");
            }
            Set<String> claimsSeen = new HashSet<>();
            for (Node claimNode : reader.sequence(reader.required(dialectEntries, dialectNode, "claims",
                    "dialect " + dialect), "claims of " + dialect)) {
                ClaimDefinition claim = claim(reader, dialect, dialect.equals(localDialect), claimNode);
                if (!claimsSeen.add(claim.claim())) {
                    throw reader.error(claimNode, "claim " + claim.claim() + " is listed twice in " + dialect);
                }
                if (claim.addedIn() != null && !claim.addedIn().equals(release)) {
                    throw reader.error(claimNode, "addedIn " + claim.addedIn() + " of " + claim.claim()
                            + ": only this file's release (" + release + ") may be named");
                }
                (claim.isLocal() ? local : external).add(claim);
                byNode.put(claimNode, claim);
            }
        }
        if (local.isEmpty()) {
            throw reader.error(root, "the file holds no claims of the local dialect " + localDialect);
        }
        Set<String> localUris = new HashSet<>();
        local.forEach(claim -> localUris.add(claim.claim()));
        for (Map.Entry<Node, ClaimDefinition> entry : byNode.entrySet()) {
            ClaimDefinition claim = entry.getValue();
            if (!claim.isLocal() && !localUris.contains(claim.mappedLocalClaim())) {
                throw reader.error(entry.getKey(), claim.claim() + " maps to " + claim.mappedLocalClaim()
                        + ", which is not a local claim of this file");
            }
        }
        List<ClaimDefinition> all = new ArrayList<>(local);
        all.addAll(external);
        return new ClaimDataFile(new ClaimSet(release, localDialect, all), reader.checksum());
    }

    private static ClaimDefinition claim(DataFileReader reader, String dialect, boolean local, Node node)
            throws MigrationException {
        Map<String, Node> entries = reader.mapping(node, "a claim of " + dialect, CLAIM);
        String uri = reader.requiredText(entries, node, "claim", "a claim of " + dialect);
        String what = "claim " + uri;
        String addedIn = reader.optionalText(entries, "addedIn", what);
        String mappedLocalClaim = reader.optionalText(entries, "mappedLocalClaim", what);
        List<MappedAttribute> attributes = new ArrayList<>();
        Node attributesNode = entries.get("mappedAttributes");
        if (local) {
            if (mappedLocalClaim != null) {
                throw reader.error(entries.get("mappedLocalClaim"), what + " is a local claim: it maps to attributes,"
                        + " not to another claim");
            }
            if (attributesNode == null) {
                throw reader.error(node, what + " is a local claim and needs mappedAttributes");
            }
            Set<String> domains = new HashSet<>();
            for (Node attributeNode : reader.sequence(attributesNode, "mappedAttributes of " + uri)) {
                Map<String, Node> attribute = reader.mapping(attributeNode, "a mapped attribute of " + uri,
                        ATTRIBUTE);
                String domain = reader.requiredText(attribute, attributeNode, "domain", "a mapped attribute");
                if (!domain.equals(domain.toUpperCase(java.util.Locale.ROOT))) {
                    throw reader.error(attributeNode, "domain " + domain + " of " + uri
                            + " must be upper case, as the server stores it");
                }
                if (!domains.add(domain)) {
                    throw reader.error(attributeNode, "domain " + domain + " is mapped twice in " + uri);
                }
                attributes.add(new MappedAttribute(domain,
                        reader.requiredText(attribute, attributeNode, "attribute", "a mapped attribute")));
            }
            if (attributes.isEmpty()) {
                throw reader.error(attributesNode, what + " maps no attribute");
            }
        } else {
            if (attributesNode != null) {
                throw reader.error(attributesNode, what + " is an external claim: it maps to a local claim"
                        + " (mappedLocalClaim), not to attributes");
            }
            if (mappedLocalClaim == null) {
                throw reader.error(node, what + " is an external claim and needs mappedLocalClaim");
            }
        }
        Map<String, String> properties = new LinkedHashMap<>();
        Node propertiesNode = entries.get("properties");
        if (propertiesNode != null) {
            for (Map.Entry<String, Node> property : reader.mapping(propertiesNode, "properties of " + uri, null)
                    .entrySet()) {
                properties.put(property.getKey(), reader.scalar(property.getValue(),
                        "property " + property.getKey() + " of " + uri));
            }
        }
        return new ClaimDefinition(dialect, uri, attributes, mappedLocalClaim, properties, addedIn);
    }
}
