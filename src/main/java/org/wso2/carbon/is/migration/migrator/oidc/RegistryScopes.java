package org.wso2.carbon.is.migration.migrator.oidc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A tenant's OIDC scopes as releases before 5.7.0 kept them: one registry resource (the config system registry's
 * {@code /oidc}, stored as {@code /_system/config/oidc}) whose properties map a scope name to its comma-separated
 * OIDC claim URIs. Read with plain JDBC from the REG_* tables, as Carbon's JDBC registry stores a resource: the
 * resource is the REG_RESOURCE row of its parent's REG_PATH with its own name, and its properties are REG_PROPERTY
 * rows linked through REG_RESOURCE_PROPERTY, by the resource's version where the registry versions properties and by
 * path and name where it does not (both are read). Properties named {@code registry.*} are the registry's own
 * metadata, not scopes (the 5.7.0 migration skips them too).
 */
public final class RegistryScopes {

    /** Where the releases before 5.7.0 keep the scopes in each tenant's registry. */
    public static final String DEFAULT_RESOURCE_PATH = "/_system/config/oidc";
    private static final String METADATA_PREFIX = "registry.";
    /** The resource's properties: name and value. */
    static final String PROPERTIES = "SELECT P.REG_NAME, P.REG_VALUE FROM REG_PATH PA"
            + " JOIN REG_RESOURCE R ON R.REG_PATH_ID = PA.REG_PATH_ID AND R.REG_TENANT_ID = PA.REG_TENANT_ID"
            + " JOIN REG_RESOURCE_PROPERTY RP ON RP.REG_TENANT_ID = R.REG_TENANT_ID"
            + " AND (RP.REG_VERSION = R.REG_VERSION"
            + " OR (RP.REG_PATH_ID = R.REG_PATH_ID AND RP.REG_RESOURCE_NAME = R.REG_NAME))"
            + " JOIN REG_PROPERTY P ON P.REG_ID = RP.REG_PROPERTY_ID AND P.REG_TENANT_ID = RP.REG_TENANT_ID"
            + " WHERE PA.REG_PATH_VALUE = ? AND R.REG_NAME = ? AND PA.REG_TENANT_ID = ?"
            + " ORDER BY P.REG_NAME, P.REG_ID";

    /** Whether the resource is there. */
    static final String RESOURCE_COUNT = "SELECT COUNT(*) FROM REG_PATH PA JOIN REG_RESOURCE R"
            + " ON R.REG_PATH_ID = PA.REG_PATH_ID AND R.REG_TENANT_ID = PA.REG_TENANT_ID"
            + " WHERE PA.REG_PATH_VALUE = ? AND R.REG_NAME = ? AND PA.REG_TENANT_ID = ?";

    private final boolean found;
    private final Map<String, Set<String>> claimsByScope;
    private final List<String> ignoredValues;

    private RegistryScopes(boolean found, Map<String, Set<String>> claimsByScope, List<String> ignoredValues) {
        this.found = found;
        this.claimsByScope = claimsByScope;
        this.ignoredValues = ignoredValues;
    }

    /**
     * Reads the scopes of {@code tenantId} from the resource at {@code resourcePath} (an absolute registry path).
     * Reads only.
     */
    public static RegistryScopes read(Connection registry, String resourcePath, int tenantId) throws SQLException {
        int slash = resourcePath.lastIndexOf('/');
        String parent = slash <= 0 ? "/" : resourcePath.substring(0, slash);
        String name = resourcePath.substring(slash + 1);
        boolean found = resourceExists(registry, parent, name, tenantId);
        Map<String, Set<String>> scopes = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        try (PreparedStatement query = registry.prepareStatement(PROPERTIES)) {
            query.setString(1, parent);
            query.setString(2, name);
            query.setInt(3, tenantId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String scope = rows.getString(1);
                    String value = rows.getString(2);
                    if (scope.startsWith(METADATA_PREFIX)) {
                        continue;
                    }
                    if (scopes.containsKey(scope)) {
                        // A registry property may hold several values; Resource.getProperty, which the release's
                        // migration reads, returns the first.
                        ignored.add(scope + "=" + value);
                        continue;
                    }
                    scopes.put(scope, claims(value));
                }
            }
        }
        return new RegistryScopes(found, scopes, ignored);
    }

    private static boolean resourceExists(Connection registry, String parent, String name, int tenantId)
            throws SQLException {
        try (PreparedStatement query = registry.prepareStatement(RESOURCE_COUNT)) {
            query.setString(1, parent);
            query.setString(2, name);
            query.setInt(3, tenantId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() && rows.getLong(1) > 0;
            }
        }
    }

    /** The claim URIs of a property value: split at commas and trimmed, empty ones and repeats dropped. */
    static Set<String> claims(String value) {
        Set<String> claims = new LinkedHashSet<>();
        if (value != null) {
            for (String claim : value.split(",")) {
                if (!claim.trim().isEmpty()) {
                    claims.add(claim.trim());
                }
            }
        }
        return claims;
    }

    /** Whether the tenant's registry has the resource at all. */
    public boolean found() {
        return found;
    }

    /** Scope name to its claim URIs, in name order. */
    public Map<String, Set<String>> claimsByScope() {
        return Collections.unmodifiableMap(claimsByScope);
    }

    /** Further values of a multi-valued property ({@code scope=value}), not moved. */
    public List<String> ignoredValues() {
        return Collections.unmodifiableList(ignoredValues);
    }
}
