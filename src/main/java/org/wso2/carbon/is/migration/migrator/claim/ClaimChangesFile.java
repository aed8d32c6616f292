package org.wso2.carbon.is.migration.migrator.claim;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.wso2.carbon.is.migration.api.MigrationException;
import org.wso2.carbon.is.migration.migrator.claim.ClaimChange.Target;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Loads {@code <version>/data/claim-changes.yaml}: the default values a release changed in existing claims. Each
 * change names exactly one of {@code property} (an IDN_CLAIM_PROPERTY name), {@code mappedAttribute} (the user-store
 * domain of an IDN_CLAIM_MAPPED_ATTRIBUTE row), {@code mappedLocalClaim} (the local dialect of the claim an external
 * claim's IDN_CLAIM_MAPPING row points at; {@code from} and {@code to} are then local claim URIs) or
 * {@code notStored} (a claim-config.xml element the server keeps no row for), with the previous release's default in
 * {@code from} and the new one in {@code to}:
 * <pre>
 * release: "5.8.0"
 * changes:
 *   - dialect: "http://wso2.org/claims"
 *     claim: "http://wso2.org/claims/resourceType"
 *     mappedAttribute: "PRIMARY"
 *     from: "ref"
 *     to: "resourceType"
 * </pre>
 */
public final class ClaimChangesFile {

    private static final Set<String> TOP = Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(
            "release", "changes")));
    private static final Set<String> CHANGE = Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(
            "dialect", "claim", "property", "mappedAttribute", "mappedLocalClaim", "notStored", "from", "to")));

    private final List<ClaimChange> changes;
    private final String checksum;

    private ClaimChangesFile(List<ClaimChange> changes, String checksum) {
        List<ClaimChange> copy = new ArrayList<>(changes);
        copy.forEach(Objects::requireNonNull);
        this.changes = Collections.unmodifiableList(copy);
        this.checksum = checksum;
    }

    public List<ClaimChange> changes() {
        return changes;
    }

    /** SHA-256 of the file, hex. */
    public String checksum() {
        return checksum;
    }

    public static ClaimChangesFile load(Path file, String expectedRelease) throws MigrationException {
        DataFileReader reader = DataFileReader.open(file);
        Node root = reader.root();
        Map<String, Node> top = reader.mapping(root, "the file", TOP);
        reader.requireRelease(top, root, expectedRelease);
        List<ClaimChange> changes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Node node : reader.sequence(reader.required(top, root, "changes", "the file"), "changes")) {
            Map<String, Node> entries = reader.mapping(node, "a change", CHANGE);
            String dialect = reader.requiredText(entries, node, "dialect", "a change");
            String claim = reader.requiredText(entries, node, "claim", "a change");
            List<Target> targets = new ArrayList<>();
            String name = null;
            for (Target target : Target.values()) {
                String value = reader.optionalText(entries, key(target), "the change of " + claim);
                if (value != null) {
                    targets.add(target);
                    name = value;
                }
            }
            if (targets.size() != 1) {
                throw reader.error(node, "the change of " + claim + " must name exactly one of property,"
                        + " mappedAttribute, mappedLocalClaim or notStored");
            }
            ClaimChange change = new ClaimChange(dialect, claim, targets.get(0), name,
                    reader.requiredText(entries, node, "from", "the change of " + claim),
                    reader.requiredText(entries, node, "to", "the change of " + claim));
            if (!seen.add(dialect + "\n" + claim + "\n" + change.target() + "\n" + name)) {
                throw reader.error(node, "the " + change.describe() + " is listed twice");
            }
            changes.add(change);
        }
        return new ClaimChangesFile(changes, reader.checksum());
    }

    private static String key(Target target) {
        switch (target) {
            case PROPERTY:
                return "property";
            case MAPPED_ATTRIBUTE:
                return "mappedAttribute";
            case MAPPED_LOCAL_CLAIM:
                return "mappedLocalClaim";
            case NOT_STORED:
                return "notStored";
            default:
                throw new IllegalStateException("Unknown target " + target);
        }
    }
}
