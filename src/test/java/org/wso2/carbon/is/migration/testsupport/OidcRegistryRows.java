package org.wso2.carbon.is.migration.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rows a release before 5.7.0 holds for a tenant's OIDC scopes: the registry resource /_system/config/oidc made of
 * REG_* rows the way Carbon's JDBC registry writes them (in the shared database), and the tenant's OIDC claim dialect
 * (in the identity database) whose claims the scopes name.
 */
public final class OidcRegistryRows {

    /** The claim dialect a server seeds for OIDC, whose claims a scope maps. */
    public static final String OIDC_DIALECT = "http://wso2.org/oidc/claim";

    private OidcRegistryRows() {
    }

    /**
     * /_system/config/oidc of {@code tenant} in the shared database: the paths /, /_system, /_system/config (ids from
     * {@code firstId}), the resource (version {@code firstId + 5}), and its properties (ids from
     * {@code firstId * 10}) linked by version or, as with versioningProperties false, by path and name.
     */
    public static void resource(Connection shared, int tenant, int firstId, boolean byVersion,
                                Map<String, String> properties) throws SQLException {
        String[] paths = {"/", "/_system", "/_system/config"};
        for (int i = 0; i < paths.length; i++) {
            try (PreparedStatement path = shared.prepareStatement("INSERT INTO REG_PATH (REG_PATH_ID,"
                    + " REG_PATH_VALUE, REG_PATH_PARENT_ID, REG_TENANT_ID) VALUES (?, ?, ?, ?)")) {
                path.setInt(1, firstId + i);
                path.setString(2, paths[i]);
                if (i == 0) {
                    path.setNull(3, Types.INTEGER);
                } else {
                    path.setInt(3, firstId + i - 1);
                }
                path.setInt(4, tenant);
                path.executeUpdate();
            }
        }
        int configPath = firstId + 2;
        int version = firstId + 5;
        try (PreparedStatement resource = shared.prepareStatement("INSERT INTO REG_RESOURCE (REG_PATH_ID, REG_NAME,"
                + " REG_VERSION, REG_MEDIA_TYPE, REG_CREATOR, REG_CREATED_TIME, REG_LAST_UPDATOR,"
                + " REG_LAST_UPDATED_TIME, REG_DESCRIPTION, REG_CONTENT_ID, REG_TENANT_ID, REG_UUID)"
                + " VALUES (?, 'oidc', ?, NULL, 'wso2.system.user', ?, 'wso2.system.user', ?, NULL, NULL, ?, ?)")) {
            Timestamp now = Timestamp.from(Instant.now());
            resource.setInt(1, configPath);
            resource.setInt(2, version);
            resource.setTimestamp(3, now);
            resource.setTimestamp(4, now);
            resource.setInt(5, tenant);
            resource.setString(6, "uuid-" + tenant);
            resource.executeUpdate();
        }
        int propertyId = firstId * 10;
        for (Map.Entry<String, String> property : new TreeMap<>(properties).entrySet()) {
            try (PreparedStatement row = shared.prepareStatement("INSERT INTO REG_PROPERTY (REG_ID, REG_NAME,"
                    + " REG_VALUE, REG_TENANT_ID) VALUES (?, ?, ?, ?)")) {
                row.setInt(1, propertyId);
                row.setString(2, property.getKey());
                row.setString(3, property.getValue());
                row.setInt(4, tenant);
                row.executeUpdate();
            }
            try (PreparedStatement link = shared.prepareStatement(byVersion
                    ? "INSERT INTO REG_RESOURCE_PROPERTY (REG_PROPERTY_ID, REG_VERSION, REG_TENANT_ID) VALUES (?, ?, ?)"
                    : "INSERT INTO REG_RESOURCE_PROPERTY (REG_PROPERTY_ID, REG_PATH_ID, REG_RESOURCE_NAME,"
                    + " REG_TENANT_ID) VALUES (?, ?, 'oidc', ?)")) {
                link.setInt(1, propertyId);
                link.setInt(2, byVersion ? version : configPath);
                link.setInt(3, tenant);
                link.executeUpdate();
            }
            propertyId++;
        }
    }

    /** The tenant's OIDC claim dialect with these claim URIs in the identity database, as the server seeds it. */
    public static void oidcClaims(Connection identity, int tenant, String... claims) throws SQLException {
        execute(identity, "INSERT INTO IDN_CLAIM_DIALECT (DIALECT_URI, TENANT_ID) VALUES ('" + OIDC_DIALECT + "', "
                + tenant + ")");
        for (String claim : claims) {
            execute(identity, "INSERT INTO IDN_CLAIM (DIALECT_ID, CLAIM_URI, TENANT_ID) SELECT ID, '" + claim + "', "
                    + tenant + " FROM IDN_CLAIM_DIALECT WHERE DIALECT_URI = '" + OIDC_DIALECT + "' AND TENANT_ID = "
                    + tenant);
        }
    }

    /**
     * What the 5.7.0 tables hold in the identity database: {@code tenant|scope|claim URI} for each scope's claim
     * mapping, by tenant, scope and claim.
     */
    public static List<String> scopeClaims(Connection identity) throws SQLException {
        return rows(identity, "SELECT S.TENANT_ID, S.NAME, C.CLAIM_URI FROM IDN_OIDC_SCOPE S"
                + " JOIN IDN_OIDC_SCOPE_CLAIM_MAPPING M ON M.SCOPE_ID = S.ID JOIN IDN_CLAIM C ON C.ID ="
                + " M.EXTERNAL_CLAIM_ID AND C.TENANT_ID = S.TENANT_ID ORDER BY S.TENANT_ID, S.NAME, C.CLAIM_URI");
    }

    /** The rows {@code sql} selects, each as its columns' values joined by {@code |}. */
    public static List<String> rows(Connection connection, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql); ResultSet result = query.executeQuery()) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(result.getString(i));
                }
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.executeUpdate();
        }
    }
}
