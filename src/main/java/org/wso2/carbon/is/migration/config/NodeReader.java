package org.wso2.carbon.is.migration.config;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads typed values out of a composed YAML node tree, turning every mismatch into a {@link ConfigException} that
 * names file, line and key. Works on nodes rather than on SnakeYAML's constructed objects so that nothing but plain
 * text is ever built from the file, and so that every value keeps its line.
 */
final class NodeReader {
    /** Three numeric parts, as the Identity Server numbers its releases. */
    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    /** The tags plain YAML values resolve to; anything else (!!set, !!binary, !local, Java types) is refused. */
    private static final Set<Tag> PLAIN_TAGS = Collections.unmodifiableSet(new HashSet<>(Arrays.asList(Tag.STR,
            Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.TIMESTAMP, Tag.MAP, Tag.SEQ)));

    private final Path file;
    private final List<String> warnings;

    NodeReader(Path file, List<String> warnings) {
        this.file = file;
        this.warnings = warnings;
    }

    static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    ConfigException error(Node node, String key, String reason) {
        return new ConfigException(file, node == null ? 0 : line(node), key, reason);
    }

    void warn(Node node, String key, String reason) {
        warnings.add(ConfigException.format(file, line(node), 0, key, reason));
    }

    /** Refuses any node whose tag is not a plain YAML type, wherever it is in the tree. */
    void requirePlainTags(Node root) throws ConfigException {
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Node> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            Node node = pending.pop();
            if (!seen.add(node)) {
                continue; // an alias to a node already checked (or a recursive one)
            }
            Tag tag = node.getTag();
            if (Tag.MERGE.equals(tag)) {
                throw error(node, null, "merge keys (<<) are not supported; write the keys out");
            }
            if (!PLAIN_TAGS.contains(tag)) {
                throw error(node, null, refusedTagReason(tag.getValue()));
            }
            if (node instanceof MappingNode) {
                for (NodeTuple tuple : ((MappingNode) node).getValue()) {
                    pending.push(tuple.getKeyNode());
                    pending.push(tuple.getValueNode());
                }
            } else if (node instanceof SequenceNode) {
                ((SequenceNode) node).getValue().forEach(pending::push);
            }
        }
    }

    /**
     * The entries of a mapping by key text, in file order. Keys must be plain text and appear once: SnakeYAML would
     * silently keep the last of two equal keys, hiding an operator's mistake.
     */
    Map<String, NodeTuple> entries(MappingNode mapping, String path) throws ConfigException {
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode) || Tag.NULL.equals(keyNode.getTag())) {
                throw error(keyNode, path, "keys must be plain names, found " + describe(keyNode));
            }
            String key = ((ScalarNode) keyNode).getValue();
            NodeTuple earlier = entries.putIfAbsent(key, tuple);
            if (earlier != null) {
                throw error(keyNode, child(path, key), "given twice (lines " + line(earlier.getKeyNode()) + " and "
                        + line(keyNode) + "); keep one");
            }
        }
        return entries;
    }

    MappingNode mapping(Node node, String key) throws ConfigException {
        if (node instanceof MappingNode) {
            return (MappingNode) node;
        }
        throw error(node, key, "expected a mapping of 'key: value' entries, found " + describe(node));
    }

    SequenceNode sequence(Node node, String key) throws ConfigException {
        if (node instanceof SequenceNode) {
            return (SequenceNode) node;
        }
        throw error(node, key, "expected a list ('- ' items), found " + describe(node));
    }

    /** True for an empty value ({@code key:}, {@code ~}, {@code null}), which counts as not given. */
    static boolean isNull(Node node) {
        return Tag.NULL.equals(node.getTag());
    }

    /** The text of a scalar as written (quoted or not), or null for an empty value. */
    String text(Node node, String key) throws ConfigException {
        if (!(node instanceof ScalarNode)) {
            throw error(node, key, "expected a single value, found " + describe(node));
        }
        return isNull(node) ? null : ((ScalarNode) node).getValue();
    }

    String requiredText(Node node, String key) throws ConfigException {
        String text = text(node, key);
        if (text == null || isBlank(text)) {
            throw error(node, key, "must not be empty");
        }
        return text.trim();
    }

    /** true or false in any case, quoted or not; YAML 1.1's yes/no/on/off are refused as ambiguous. */
    boolean bool(Node node, String key) throws ConfigException {
        String text = text(node, key);
        String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (value.equals("true")) {
            return true;
        }
        if (value.equals("false")) {
            return false;
        }
        throw error(node, key, "expected true or false, found " + describe(node));
    }

    /** A whole number, quoted or not. */
    int integer(Node node, String key) throws ConfigException {
        String text = text(node, key);
        String value = text == null ? "" : text.trim();
        if (INTEGER.matcher(value).matches()) {
            try {
                return Integer.parseInt(value.startsWith("+") ? value.substring(1) : value);
            } catch (NumberFormatException tooLarge) {
                throw error(node, key, "the number " + value + " is too large");
            }
        }
        throw error(node, key, "expected a whole number, found " + describe(node));
    }

    /** A release number such as "5.9.0". */
    String version(Node node, String key) throws ConfigException {
        if (node instanceof ScalarNode && (Tag.FLOAT.equals(node.getTag()) || Tag.INT.equals(node.getTag()))) {
            // Unquoted 5.10 is the number 5.1 to YAML: the operator meant a version, so say how to write one.
            throw error(node, key, "'" + ((ScalarNode) node).getValue() + "' is read by YAML as a number, not a"
                    + " version; write the version in quotes with three parts, e.g. \"5.10.0\"");
        }
        String value = requiredText(node, key);
        if (!VERSION.matcher(value).matches()) {
            throw error(node, key, "'" + value + "' is not a release version; write three numbers such as"
                    + " \"5.9.0\"");
        }
        return value;
    }

    /** Why a tag is refused, showing it as the operator wrote it ({@code !!javax...}, not its expanded form). */
    static String refusedTagReason(String tag) {
        String written = tag.startsWith(Tag.PREFIX) ? "!!" + tag.substring(Tag.PREFIX.length()) : tag;
        return "the tag " + written + " is not allowed; this file holds only plain text, numbers, true/false, lists"
                + " and mappings";
    }

    /** Empty or only white space, as {@code String.isBlank} (Java 11) judges it: any Unicode white space counts. */
    static boolean isBlank(String text) {
        return text.codePoints().allMatch(Character::isWhitespace);
    }

    static String child(String path, String key) {
        return path == null || path.isEmpty() ? key : path + "." + key;
    }

    static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (isNull(node)) {
            return "an empty value";
        }
        return "'" + ((ScalarNode) node).getValue() + "'";
    }
}
