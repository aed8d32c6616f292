package org.wso2.carbon.is.migration.migrator.claim;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.wso2.carbon.is.migration.engine.ReleaseVersion;

/**
 * How the release facts {@code claims-<version>.json} of releases before 5.8.0 are made from the claim-config.xml the
 * release ships (carbon-identity-framework, {@code features/claim-mgt/org.wso2.carbon.claim.mgt.server.feature/
 * resources/conf/claim-config.xml} at the framework tag the release's pom names). Run with {@code main(xml, version,
 * json)}; the README of the release facts says which source each file came from.
 * <p>
 * Per claim, in file order (a claim defined twice in a dialect is listed once, in its first place with its last
 * definition, and named under {@code duplicates}): the raw values ({@code displayName}, {@code description},
 * {@code attributeId}, {@code mappedLocalClaim} of an external claim, and {@code properties}: every element but
 * ClaimURI and AttributeID, text as written), and the rows the
 * server stores for it when it seeds a tenant: a local claim's {@code mappedAttributes} (AttributeID {@code X/attr}
 * maps user-store domain X, anything else PRIMARY) and {@code dbProperties} (an empty Required, ReadOnly or
 * SupportedByDefault stored as "true"). Before 5.8.0 the server stored no property rows for an external claim, so
 * its {@code dbProperties} are empty; later releases did, which this converter does not model and refuses.
 */
public final class ClaimConfigFactsConverter {

    private static final String PRIMARY_DOMAIN = "PRIMARY";
    private static final Set<String> FLAGS = Set.of("Required", "ReadOnly", "SupportedByDefault");
    private static final ReleaseVersion FIRST_WITH_EXTERNAL_PROPERTIES = ReleaseVersion.parse("5.8.0");

    private ClaimConfigFactsConverter() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: ClaimConfigFactsConverter <claim-config.xml> <version> <json>");
        }
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            Files.writeString(Path.of(args[2]), json(facts(in, args[1])), StandardCharsets.UTF_8);
        }
    }

    /** The facts of {@code version}'s claim-config.xml, in the shape of the shipped {@code claims-<version>.json}. */
    public static ObjectNode facts(InputStream claimConfig, String version) throws IOException {
        if (ReleaseVersion.parse(version).compareTo(FIRST_WITH_EXTERNAL_PROPERTIES) >= 0) {
            throw new IllegalArgumentException(version + " stores external claim properties; not modelled here");
        }
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode().put("version", version);
        ObjectNode counts = root.putObject("counts");
        root.put("totalClaims", 0);
        ArrayNode duplicates = root.putArray("duplicates");
        ObjectNode dialects = root.putObject("dialects");
        int total = 0;
        for (Element dialect : children(parse(claimConfig), "Dialects", "Dialect")) {
            String dialectUri = dialect.getAttribute("dialectURI");
            boolean local = dialectUri.equals(ReleaseClaimFacts.LOCAL_DIALECT);
            // As the server reads the file: a claim defined again replaces the earlier definition, in its place.
            Map<String, ObjectNode> claims = new LinkedHashMap<>();
            for (Element claim : children(dialect, "Claim")) {
                ObjectNode out = claim(mapper, claim, local);
                String claimUri = out.get("claimUri").asText();
                if (claims.put(claimUri, out) != null) {
                    duplicates.addObject().put("dialect", dialectUri).put("claimUri", claimUri);
                }
            }
            dialects.putArray(dialectUri).addAll(claims.values());
            counts.put(dialectUri, claims.size());
            total += claims.size();
        }
        root.put("totalClaims", total);
        return root;
    }

    private static ObjectNode claim(ObjectMapper mapper, Element claim, boolean local) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Element element : children(claim)) {
            values.put(element.getTagName(), element.getTextContent());
        }
        String attributeId = values.get("AttributeID");
        ObjectNode out = mapper.createObjectNode()
                .put("claimUri", values.get("ClaimURI"))
                .put("displayName", values.get("DisplayName"))
                .put("description", values.get("Description"))
                .put("attributeId", attributeId);
        if (!local) {
            out.put("mappedLocalClaim", values.get("MappedLocalClaim"));
        }
        ObjectNode properties = out.putObject("properties");
        values.forEach((name, value) -> {
            if (!name.equals("ClaimURI") && !name.equals("AttributeID")) {
                properties.put(name, value);
            }
        });
        ArrayNode mapped = out.putArray("mappedAttributes");
        ObjectNode stored = out.putObject("dbProperties");
        if (local) {
            int slash = attributeId.indexOf('/');
            mapped.addObject()
                    .put("domain", slash < 0 ? PRIMARY_DOMAIN : attributeId.substring(0, slash).toUpperCase())
                    .put("attribute", slash < 0 ? attributeId : attributeId.substring(slash + 1));
            if (!values.containsKey("DisplayName")) {
                throw new IllegalArgumentException(values.get("ClaimURI") + ": a local claim without DisplayName");
            }
            properties.fields().forEachRemaining(p -> stored.put(p.getKey(),
                    FLAGS.contains(p.getKey()) && p.getValue().asText().isEmpty() ? "true" : p.getValue().asText()));
        }
        return out;
    }

    /** The facts as the shipped files are written: one-space indent, no trailing newline. */
    public static String json(ObjectNode facts) throws IOException {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator(""))
                .withObjectIndenter(new DefaultIndenter(" ", "\n"))
                .withArrayIndenter(new DefaultIndenter(" ", "\n"));
        return new ObjectMapper().writer(printer).writeValueAsString(facts);
    }

    private static Element parse(InputStream in) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(in).getDocumentElement();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("Not a claim-config.xml: " + e.getMessage(), e);
        }
    }

    /** The child elements of {@code parent} along {@code path} (all child elements for an empty path). */
    private static List<Element> children(Element parent, String... path) {
        List<Element> level = List.of(parent);
        for (String name : path) {
            List<Element> next = new ArrayList<>();
            level.forEach(e -> next.addAll(elements(e, name)));
            level = next;
        }
        return path.length == 0 ? elements(parent, null) : level;
    }

    private static List<Element> elements(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element && (name == null || element.getTagName().equals(name))) {
                out.add(element);
            }
        }
        return out;
    }
}
