package org.wso2.carbon.is.migration.migrator.claim;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.wso2.carbon.is.migration.api.MigrationException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a release data file ({@code migration-resources/<version>/data/*.yaml}) as a tree of YAML nodes, never as
 * constructed objects, so every value keeps its line and nothing but text is built from the file. Every mismatch
 * becomes a {@link MigrationException} naming the file and the line.
 */
final class DataFileReader {

    private final Path file;
    private final Node root;
    private final String checksum;

    private DataFileReader(Path file, Node root, String checksum) {
        this.file = file;
        this.root = root;
        this.checksum = checksum;
    }

    /** Parses the file; a missing, unreadable or non-YAML file is an error naming it. */
    static DataFileReader open(Path file) throws MigrationException {
        if (!Files.isRegularFile(file)) {
            throw new MigrationException("Missing data file " + file + " (it ships in migration-resources; copy the"
                    + " whole folder of this client's release)");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new MigrationException("Could not read data file " + file + ": " + e.getMessage(), e);
        }
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setTagInspector(tag -> false);
        Node root;
        try {
            root = new Yaml(new SafeConstructor(options)).compose(
                    new StringReader(new String(bytes, StandardCharsets.UTF_8)));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new MigrationException(file + ":" + (mark == null ? 0 : mark.getLine() + 1) + ": not valid YAML: "
                    + e.getProblem(), e);
        } catch (YAMLException e) {
            throw new MigrationException(file + ": not valid YAML: " + e.getMessage(), e);
        }
        if (root == null) {
            throw new MigrationException(file + ": the file is empty");
        }
        return new DataFileReader(file, root, sha256(bytes));
    }

    Node root() {
        return root;
    }

    /** SHA-256 of the file's bytes, hex. */
    String checksum() {
        return checksum;
    }

    MigrationException error(Node node, String reason) {
        return new MigrationException(file + ":" + (node.getStartMark().getLine() + 1) + ": " + reason);
    }

    /** The keys of a mapping node with their value nodes, refusing keys outside {@code allowed}. */
    Map<String, Node> mapping(Node node, String what, Set<String> allowed) throws MigrationException {
        if (!(node instanceof MappingNode)) {
            throw error(node, what + " must be a mapping (key: value lines)");
        }
        MappingNode mapping = (MappingNode) node;
        Map<String, Node> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = scalar(tuple.getKeyNode(), "a key of " + what);
            if (allowed != null && !allowed.contains(key)) {
                throw error(tuple.getKeyNode(), "unknown key '" + key + "' in " + what + "; expected one of "
                        + String.join(", ", allowed));
            }
            entries.put(key, tuple.getValueNode());
        }
        return entries;
    }

    List<Node> sequence(Node node, String what) throws MigrationException {
        if (!(node instanceof SequenceNode)) {
            throw error(node, what + " must be a list");
        }
        return ((SequenceNode) node).getValue();
    }

    /** A scalar's text; an empty or null scalar is refused, since every value in a data file means something. */
    String scalar(Node node, String what) throws MigrationException {
        if (!(node instanceof ScalarNode)) {
            throw error(node, what + " must be a single value");
        }
        ScalarNode scalar = (ScalarNode) node;
        String value = scalar.getValue();
        if (value == null || value.isEmpty() || scalar.getTag().getValue().endsWith(":null")) {
            throw error(node, what + " is empty");
        }
        return value;
    }

    /** A required key's node. */
    Node required(Map<String, Node> entries, Node owner, String key, String what) throws MigrationException {
        Node value = entries.get(key);
        if (value == null) {
            throw error(owner, what + " has no '" + key + "'");
        }
        return value;
    }

    /** A required key's scalar text. */
    String requiredText(Map<String, Node> entries, Node owner, String key, String what) throws MigrationException {
        return scalar(required(entries, owner, key, what), key + " of " + what);
    }

    /** An optional key's scalar text, or null. */
    String optionalText(Map<String, Node> entries, String key, String what) throws MigrationException {
        Node value = entries.get(key);
        return value == null ? null : scalar(value, key + " of " + what);
    }

    private static String sha256(byte[] bytes) {
        try {
            StringBuilder hex = new StringBuilder();
            for (byte b : MessageDigest.getInstance("SHA-256").digest(bytes)) {
                hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    /** The file's {@code release} key must name the release the step migrates to. */
    void requireRelease(Map<String, Node> top, Node root, String expectedRelease) throws MigrationException {
        String release = requiredText(top, root, "release", "the file");
        if (!release.equals(expectedRelease)) {
            throw error(top.get("release"), "the file is for release " + release + ", but the step migrates to "
                    + expectedRelease);
        }
    }
}
