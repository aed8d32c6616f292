package org.wso2.carbon.is.migration.prepare.keystore;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.io.FileUtils;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;
import org.wso2.carbon.is.migration.api.ErrorCode;
import org.wso2.carbon.is.migration.prepare.PrepareException;

/**
 * Adds sections at the end of a {@code deployment.toml}, leaving every byte before them as it was (comments, order and
 * layout are the operator's). tomlj only reads TOML, so it is used to check the result, not to write it.
 */
public final class DeploymentTomlAppender {

    private DeploymentTomlAppender() {
    }

    /**
     * Appends the sections (each a complete {@code [name]} block) after a comment saying who added them. The file is
     * parsed again afterwards; if it is no longer valid TOML, its old content is put back and this fails.
     */
    public static void append(File file, String comment, List<String> sections) throws PrepareException {
        try {
            byte[] before = FileUtils.readFileToByteArray(file);
            StringBuilder added = new StringBuilder();
            if (before.length > 0 && before[before.length - 1] != '\n') {
                added.append('\n');
            }
            added.append('\n').append("# ").append(comment).append('\n');
            for (String section : sections) {
                added.append(section).append('\n');
            }
            FileUtils.writeStringToFile(file, added.toString(), StandardCharsets.UTF_8, true);
            TomlParseResult check = Toml.parse(file.toPath());
            if (check.hasErrors()) {
                FileUtils.writeByteArrayToFile(file, before);
                throw new PrepareException(ErrorCode.STEP_FAILED, "Adding the keystore sections would make " + file
                        + " invalid TOML (" + check.errors().get(0).getMessage() + "); it was left as it was", null);
            }
        } catch (IOException e) {
            throw new PrepareException(ErrorCode.STEP_FAILED, "Cannot add the keystore sections to " + file + ": "
                    + e.getMessage(), e);
        }
    }
}
