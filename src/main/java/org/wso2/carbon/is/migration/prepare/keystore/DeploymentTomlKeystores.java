package org.wso2.carbon.is.migration.prepare.keystore;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tomlj.Toml;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;
import org.wso2.carbon.is.migration.datasource.DeploymentToml;
import org.wso2.carbon.is.migration.prepare.PrepareException;

/**
 * The keystores of an IS 5.9.0 home's {@code repository/conf/deployment.toml}: {@code [keystore.primary]},
 * {@code [keystore.internal]}, {@code [keystore.tls]} and {@code [truststore]}, each with {@code file_name},
 * {@code type}, {@code password}, {@code alias} and {@code key_password}. A key the section leaves out takes the
 * server's default: the primary keystore's, which defaults to {@code wso2carbon.jks}, JKS, alias and passwords
 * {@code wso2carbon} (the 5.9.0 configuration catalog); {@code $ref{...}} values are followed.
 */
public final class DeploymentTomlKeystores {

    public static final String PRIMARY = "keystore.primary";
    public static final String INTERNAL = "keystore.internal";

    private static final List<String> SECTIONS = Collections.unmodifiableList(
            Arrays.asList(PRIMARY, INTERNAL, "keystore.tls", "truststore"));
    private static final String DEFAULT = "wso2carbon";
    private static final Pattern REFERENCE = Pattern.compile("^\\$ref\\{([^}]+)}$");
    /** Values only the running server can turn into a password: secure vault references and cipher-tool output. */
    private static final Pattern NOT_PLAIN = Pattern.compile("(?i)^\\s*(\\$secret\\{|\\[encrypted]|\\{enc}|enc\\().*");
    private static final int MAX_REFERENCE_DEPTH = 8;

    private final File file;
    private final TomlParseResult toml;

    private DeploymentTomlKeystores(File file, TomlParseResult toml) {
        this.file = file;
        this.toml = toml;
    }

    public static DeploymentTomlKeystores read(File home) throws PrepareException {
        File file = DeploymentToml.fileUnder(home.toPath()).toFile();
        TomlParseResult toml;
        try {
            toml = Toml.parse(file.toPath());
        } catch (IOException e) {
            throw new PrepareException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        if (toml.hasErrors()) {
            throw new PrepareException(file + " is not valid TOML: line " + toml.errors().get(0).position().line()
                    + ": " + toml.errors().get(0).getMessage());
        }
        return new DeploymentTomlKeystores(file, toml);
    }

    public File file() {
        return file;
    }

    /** Whether the file has the section ({@code keystore.internal}...) itself, not by the server's defaults. */
    public boolean hasSection(String section) {
        return toml.get(section) instanceof TomlTable;
    }

    /**
     * The keystore a section configures, its missing keys taken from the server's defaults; null for a section
     * other than the primary one that the file does not have (the server then uses the primary keystore).
     */
    public KeystoreSettings settings(String section) {
        if (!hasSection(section) && !PRIMARY.equals(section)) {
            return null;
        }
        String fallback = PRIMARY.equals(section) ? null : PRIMARY;
        return new KeystoreSettings("deployment.toml [" + section + "]",
                value(section, "file_name", fallback, DEFAULT + ".jks"),
                value(section, "type", fallback, "JKS"),
                value(section, "password", fallback, DEFAULT),
                value(section, "alias", fallback, DEFAULT),
                value(section, "key_password", fallback, DEFAULT));
    }

    /** The sections the file has, as settings. */
    public List<KeystoreSettings> all() {
        List<KeystoreSettings> all = new ArrayList<>();
        for (String section : SECTIONS) {
            if (hasSection(section)) {
                all.add(settings(section));
            }
        }
        return all;
    }

    private String value(String section, String key, String fallbackSection, String serverDefault) {
        Object raw = toml.get(section + "." + key);
        if (raw == null) {
            return fallbackSection != null ? value(fallbackSection, key, null, serverDefault) : serverDefault;
        }
        return resolved(raw.toString(), 0);
    }

    private String resolved(String value, int depth) {
        if (NOT_PLAIN.matcher(value).matches()) {
            return null;
        }
        Matcher reference = REFERENCE.matcher(value.trim());
        if (!reference.matches()) {
            return value;
        }
        Object target = toml.get(reference.group(1));
        return target == null || depth >= MAX_REFERENCE_DEPTH ? null : resolved(target.toString(), depth + 1);
    }
}
