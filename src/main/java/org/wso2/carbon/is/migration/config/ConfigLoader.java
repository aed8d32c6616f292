package org.wso2.carbon.is.migration.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads {@code migration-config.yaml} into a checked {@link MigrationConfig}. Accepts the file operators already
 * write for the legacy tool (quoted or unquoted values), refuses anything it cannot use with a message naming file,
 * line and key, and warns about keys it does not know (a typo must not silently fall back to a default).
 */
public final class ConfigLoader {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigLoader.class);

    private static final String VERSIONS = "versions";
    /** Parameters that name a folder under {@code migration-resources/<version>/dbscripts}. */
    private static final List<String> FOLDER_PARAMETERS = Arrays.asList("location", "schema");
    private static final Pattern DRIVE = Pattern.compile("[A-Za-z]:");

    private ConfigLoader() {
    }

    public static LoadedConfig load(Path file) throws ConfigException {
        String text = read(file);
        List<String> warnings = new ArrayList<>();
        NodeReader reader = new NodeReader(file, warnings);
        Node root = compose(file, text);
        if (root == null) {
            throw new ConfigException(file, 0, null, "the file is empty (only comments or blank lines); it must"
                    + " set at least currentVersion, migrateVersion and versions");
        }
        reader.requirePlainTags(root);
        MigrationConfig config = new TopLevel(reader, file).read(reader.mapping(root, "(top level)"));
        warnings.forEach(warning -> LOG.warn("{}", warning));
        return new LoadedConfig(config, warnings);
    }

    private static String read(Path file) throws ConfigException {
        if (Files.isDirectory(file)) {
            throw new ConfigException(file, 0, 0, null, "is a directory, expected the migration-config.yaml file");
        }
        try {
            // A decoder that reports malformed input, as Files.readString does, rather than replacing it.
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
            // A byte order mark some Windows editors write is not content.
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (NoSuchFileException e) {
            throw new ConfigException(file, 0, 0, null, "file not found; copy migration-resources/ into the"
                    + " Identity Server home or give the path of migration-config.yaml", e);
        } catch (CharacterCodingException e) {
            throw new ConfigException(file, 0, 0, null, "is not UTF-8 text; save it as UTF-8", e);
        } catch (IOException e) {
            throw new ConfigException(file, 0, 0, null, "cannot be read: " + e, e);
        }
    }

    /**
     * Parses the text into a node tree only: SnakeYAML constructs no objects, and its tag inspector (which refuses
     * every global tag such as {@code !!javax.script.ScriptEngineManager}) stays in force.
     */
    private static Node compose(Path file, String text) throws ConfigException {
        AtomicReference<String> refusedTag = new AtomicReference<>();
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setTagInspector(tag -> {
            refusedTag.compareAndSet(null, tag.getValue());
            return false;
        });
        try {
            return new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = mark == null ? 0 : mark.getLine() + 1;
            int column = mark == null ? 0 : mark.getColumn() + 1;
            String reason = refusedTag.get() != null
                    ? NodeReader.refusedTagReason(refusedTag.get())
                    : "not valid YAML: " + e.getProblem()
                            + (e.getContext() != null ? " (" + e.getContext() + ")" : "");
            throw new ConfigException(file, line, column, null, reason, e);
        } catch (YAMLException e) {
            throw new ConfigException(file, 0, 0, null, "not valid YAML: " + e.getMessage(), e);
        }
    }

    /** The top-level keys: each known one is read into the builder, every other one is reported. */
    private static final class TopLevel {
        private final NodeReader reader;
        private final Path file;

        TopLevel(NodeReader reader, Path file) {
            this.reader = reader;
            this.file = file;
        }

        MigrationConfig read(MappingNode root) throws ConfigException {
            Map<String, NodeTuple> entries = reader.entries(root, "");
            String currentVersion = requiredVersion(entries, "currentVersion", "the release the databases are at"
                    + " now, e.g. \"5.8.0\"");
            String migrateVersion = requiredVersion(entries, "migrateVersion", "the release to migrate to, e.g."
                    + " \"5.9.0\"");
            MigrationConfig.Builder builder = MigrationConfig.builder(file, currentVersion, migrateVersion);
            for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
                String key = entry.getKey();
                builder.keyLine(key, NodeReader.line(entry.getValue().getKeyNode()));
                readKey(builder, key, entry.getValue());
            }
            MigrationConfig config = builder.build();
            checkMigrationEnabled(config);
            checkTenantRange(config);
            return config;
        }

        private String requiredVersion(Map<String, NodeTuple> entries, String key, String meaning)
                throws ConfigException {
            NodeTuple tuple = entries.get(key);
            if (tuple == null || NodeReader.isNull(tuple.getValueNode())) {
                throw new ConfigException(file, tuple == null ? 0 : NodeReader.line(tuple.getKeyNode()), key,
                        "missing; set it to " + meaning);
            }
            return reader.version(tuple.getValueNode(), key);
        }

        private void readKey(MigrationConfig.Builder builder, String key, NodeTuple tuple) throws ConfigException {
            Node value = tuple.getValueNode();
            switch (key) {
                case "currentVersion":
                case "migrateVersion":
                    // read first, as the builder needs them
                    break;
                case "migrationEnable":
                    builder.migrationEnable(reader.bool(value, key));
                    break;
                case "continueOnError":
                    builder.continueOnError(reader.bool(value, key));
                    break;
                case "batchUpdate":
                    builder.batchUpdate(reader.bool(value, key));
                    break;
                case "ignoreForInactiveTenants":
                    builder.ignoreForInactiveTenants(reader.bool(value, key));
                    break;
                case "migrateTenantRange":
                    builder.migrateTenantRange(reader.bool(value, key));
                    break;
                case "migrationStartingTenantID":
                    builder.migrationStartingTenantID(optionalInteger(value, key));
                    break;
                case "migrationEndingTenantID":
                    builder.migrationEndingTenantID(optionalInteger(value, key));
                    break;
                case "currentEncryptionAlgorithm":
                    builder.currentEncryptionAlgorithm(optionalText(value, key));
                    break;
                case "migratedEncryptionAlgorithm":
                    builder.migratedEncryptionAlgorithm(optionalText(value, key));
                    break;
                case VERSIONS:
                    readVersions(builder, value);
                    break;
                case "dataSources":
                    readDataSources(builder, value);
                    break;
                case "dataSourceWaitSeconds":
                    builder.dataSourceWaitSeconds(atLeast(value, key, 0));
                    break;
                case "stopServerOnFailure":
                    builder.stopServerOnFailure(reader.bool(value, key));
                    break;
                case "stopServerOnSuccess":
                    builder.stopServerOnSuccess(reader.bool(value, key));
                    break;
                case "reportPath":
                    builder.reportPath(optionalText(value, key));
                    break;
                case "lockStaleAfterSeconds":
                    builder.lockStaleAfterSeconds(atLeast(value, key, 1));
                    break;
                case "connectTimeoutSeconds":
                    builder.connectTimeoutSeconds(atLeast(value, key, 1));
                    break;
                case "statementReportSeconds":
                    builder.statementReportSeconds(atLeast(value, key, 1));
                    break;
                case "skipVersionCheck":
                    builder.skipVersionCheck(reader.bool(value, key));
                    break;
                default:
                    reader.warn(tuple.getKeyNode(), key, "unknown key, ignored (check its spelling)");
                    break;
            }
        }

        private Integer optionalInteger(Node value, String key) throws ConfigException {
            return NodeReader.isNull(value) ? null : reader.integer(value, key);
        }

        private String optionalText(Node value, String key) throws ConfigException {
            String text = reader.text(value, key);
            return text == null || NodeReader.isBlank(text) ? null : text.trim();
        }

        private int atLeast(Node value, String key, int minimum) throws ConfigException {
            int number = reader.integer(value, key);
            if (number < minimum) {
                throw reader.error(value, key, "must be at least " + minimum + ", found " + number);
            }
            return number;
        }

        private void readVersions(MigrationConfig.Builder builder, Node value) throws ConfigException {
            if (NodeReader.isNull(value)) {
                return; // no entries: the plan names the version that is missing
            }
            SequenceNode items = reader.sequence(value, VERSIONS);
            for (int index = 0; index < items.getValue().size(); index++) {
                builder.addVersion(readVersion(items.getValue().get(index), VERSIONS + "[" + index + "]"));
            }
        }

        private VersionConfig readVersion(Node item, String path) throws ConfigException {
            Map<String, NodeTuple> entries = reader.entries(reader.mapping(item, path), path);
            warnUnknown(entries, path, Arrays.asList("version", "migratorConfigs"));
            NodeTuple version = entries.get("version");
            if (version == null) {
                throw reader.error(item, NodeReader.child(path, "version"), "missing; every versions entry names"
                        + " the release it migrates to, e.g. version: \"5.9.0\"");
            }
            String versionText = reader.version(version.getValueNode(), NodeReader.child(path, "version"));
            NodeTuple migrators = entries.get("migratorConfigs");
            if (migrators == null) {
                throw reader.error(item, NodeReader.child(path, "migratorConfigs"), "missing for version "
                        + versionText + "; list its migrators, or write migratorConfigs: [] if it has none");
            }
            List<MigratorConfig> configs = new ArrayList<>();
            if (!NodeReader.isNull(migrators.getValueNode())) {
                String listPath = NodeReader.child(path, "migratorConfigs");
                SequenceNode list = reader.sequence(migrators.getValueNode(), listPath);
                for (int index = 0; index < list.getValue().size(); index++) {
                    configs.add(readMigrator(list.getValue().get(index), listPath + "[" + index + "]"));
                }
            }
            return new VersionConfig(versionText, configs, NodeReader.line(item));
        }

        private MigratorConfig readMigrator(Node item, String path) throws ConfigException {
            Map<String, NodeTuple> entries = reader.entries(reader.mapping(item, path), path);
            warnUnknown(entries, path, Arrays.asList("name", "order", "parameters"));
            NodeTuple name = entries.get("name");
            if (name == null) {
                throw reader.error(item, NodeReader.child(path, "name"), "missing; every migrator entry names the"
                        + " migrator to run, e.g. name: SchemaMigrator");
            }
            String nameText = reader.requiredText(name.getValueNode(), NodeReader.child(path, "name"));
            NodeTuple order = entries.get("order");
            if (order == null) {
                throw reader.error(item, NodeReader.child(path, "order"), "missing for " + nameText + "; give its"
                        + " position within the version, e.g. order: 1");
            }
            int orderNumber = reader.integer(order.getValueNode(), NodeReader.child(path, "order"));
            NodeTuple parameters = entries.get("parameters");
            Map<String, String> parameterValues = parameters == null
                    ? Collections.<String, String>emptyMap()
                    : readParameters(parameters.getValueNode(), NodeReader.child(path, "parameters"));
            return new MigratorConfig(nameText, orderNumber, parameterValues, NodeReader.line(item));
        }

        /** Parameters are free-form, so no key is unknown; every value is kept as the text written. */
        private Map<String, String> readParameters(Node value, String path) throws ConfigException {
            Map<String, String> parameters = new LinkedHashMap<>();
            if (NodeReader.isNull(value)) {
                return parameters;
            }
            for (Map.Entry<String, NodeTuple> entry : reader.entries(reader.mapping(value, path), path).entrySet()) {
                String key = NodeReader.child(path, entry.getKey());
                String text = reader.text(entry.getValue().getValueNode(), key);
                if (text == null) {
                    throw reader.error(entry.getValue().getValueNode(), key, "has no value; give one or remove"
                            + " the parameter");
                }
                if (FOLDER_PARAMETERS.contains(entry.getKey()) && leavesResources(text)) {
                    throw reader.error(entry.getValue().getValueNode(), key, "'" + text + "' would reach outside"
                            + " migration-resources; give a folder name inside it, e.g. "
                            + (entry.getKey().equals("location") ? "step1" : "identity")
                            + " (no '..', no absolute path)");
                }
                parameters.put(entry.getKey(), text);
            }
            return parameters;
        }

        /**
         * An absolute path, a drive or a {@code ..} segment: the script path is built as
         * {@code <version>/dbscripts/<location>/<schema>/<dialect>.sql}, so such a value would run a file from
         * anywhere on the machine.
         */
        private static boolean leavesResources(String value) {
            String text = value.trim();
            if (text.startsWith("/") || text.startsWith("\\") || DRIVE.matcher(text).lookingAt()) {
                return true;
            }
            return Arrays.asList(text.split("[/\\\\]")).contains("..");
        }

        private void readDataSources(MigrationConfig.Builder builder, Node value) throws ConfigException {
            if (NodeReader.isNull(value)) {
                return; // all defaults
            }
            Map<String, NodeTuple> entries = reader.entries(reader.mapping(value, "dataSources"), "dataSources");
            for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
                String key = NodeReader.child("dataSources", entry.getKey());
                if (!MigrationConfig.DEFAULT_DATA_SOURCES.containsKey(entry.getKey())) {
                    throw reader.error(entry.getValue().getKeyNode(), key, "unknown logical database; known: "
                            + String.join(", ", MigrationConfig.DEFAULT_DATA_SOURCES.keySet()));
                }
                builder.dataSource(entry.getKey(), reader.requiredText(entry.getValue().getValueNode(), key));
                builder.keyLine(key, NodeReader.line(entry.getValue().getKeyNode()));
            }
        }

        private void warnUnknown(Map<String, NodeTuple> entries, String path, List<String> known) {
            entries.forEach((key, tuple) -> {
                if (!known.contains(key)) {
                    reader.warn(tuple.getKeyNode(), NodeReader.child(path, key),
                            "unknown key, ignored (known here: " + String.join(", ", known) + ")");
                }
            });
        }

        private void checkMigrationEnabled(MigrationConfig config) throws ConfigException {
            if (!config.migrationEnable()) {
                throw new ConfigException(file, config.lineOf("migrationEnable"), "migrationEnable",
                        "is false, so the migration is switched off; set migrationEnable: \"true\" to migrate,"
                                + " or start the server without -Dmigrate");
            }
        }

        /**
         * The ids only matter when the range is switched on; legacy files often keep them with the range off, which
         * is fine and not worth a warning on every run.
         */
        private void checkTenantRange(MigrationConfig config) throws ConfigException {
            if (!config.migrateTenantRange()) {
                return;
            }
            Integer start = config.migrationStartingTenantID();
            Integer end = config.migrationEndingTenantID();
            int rangeLine = config.lineOf("migrateTenantRange");
            if (start == null || end == null) {
                String missing = start == null ? "migrationStartingTenantID" : "migrationEndingTenantID";
                throw new ConfigException(file, rangeLine, missing, "missing; migrateTenantRange is true, so both"
                        + " migrationStartingTenantID and migrationEndingTenantID must be set");
            }
            if (start > end) {
                throw new ConfigException(file, config.lineOf("migrationStartingTenantID"),
                        "migrationStartingTenantID", start + " is greater than migrationEndingTenantID " + end
                                + " (line " + config.lineOf("migrationEndingTenantID") + "); the range is empty");
            }
        }
    }
}
