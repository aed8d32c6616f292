package org.wso2.carbon.is.migration.schema;

import java.util.Locale;

/**
 * The two databases an Identity Server release describes: the identity database (IDN_, CM_, UMA tables) and the
 * shared one (UM_ user store and REG_ registry tables), whose facts are the {@code .kernel} files.
 */
public enum SchemaPart {
    IDENTITY(false),
    SHARED(true);

    private final boolean kernel;

    SchemaPart(boolean kernel) {
        this.kernel = kernel;
    }

    /** True for the part the {@code .kernel.schema.json} facts describe. */
    public boolean kernel() {
        return kernel;
    }

    /**
     * The part a logical database of {@code migration-config.yaml} belongs to: {@code um} and {@code registry} are
     * the shared database's, {@code identity}, {@code consent} and {@code uma} the identity database's.
     */
    public static SchemaPart ofLogicalDatabase(String logicalName) {
        String name = logicalName.toLowerCase(Locale.ROOT);
        return name.equals("um") || name.equals("registry") ? SHARED : IDENTITY;
    }
}
