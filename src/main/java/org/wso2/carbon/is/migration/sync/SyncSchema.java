package org.wso2.carbon.is.migration.sync;

import java.util.Locale;

/**
 * The databases {@code sync.properties} names, each by the key operators already write ({@code identitySchema},
 * ...), and which release schema facts hold their tables: the identity facts for the identity and consent databases,
 * the kernel facts for the user-management and registry ones.
 */
public enum SyncSchema {
    IDENTITY("identitySchema", false, null),
    CONSENT("consentSchema", false, "CM_"),
    UM("umSchema", true, "UM_"),
    REGISTRY("regSchema", true, "REG_");

    private final String propertyKey;
    private final boolean kernel;
    private final String tablePrefix;

    SyncSchema(String propertyKey, boolean kernel, String tablePrefix) {
        this.propertyKey = propertyKey;
        this.kernel = kernel;
        this.tablePrefix = tablePrefix;
    }

    /** The {@code sync.properties} key naming this database's "sourceJNDI,targetJNDI". */
    public String propertyKey() {
        return propertyKey;
    }

    /** True when the release's kernel facts (UM_, REG_ tables) describe this database. */
    public boolean kernel() {
        return kernel;
    }

    /**
     * The database a table of the release schema lives in: consent tables ({@code CM_}) in the consent database,
     * user-management ({@code UM_}) and registry ({@code REG_}) tables in theirs, every other identity table in the
     * identity database.
     */
    static SyncSchema holding(String table, boolean inKernelFacts) {
        String upper = table.toUpperCase(Locale.ROOT);
        for (SyncSchema schema : values()) {
            if (schema.tablePrefix != null && schema.kernel == inKernelFacts && upper.startsWith(schema.tablePrefix)) {
                return schema;
            }
        }
        return inKernelFacts ? REGISTRY : IDENTITY;
    }
}
