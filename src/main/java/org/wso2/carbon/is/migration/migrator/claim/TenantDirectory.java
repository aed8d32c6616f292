package org.wso2.carbon.is.migration.migrator.claim;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.wso2.carbon.is.migration.api.MigrationDatabase;
import org.wso2.carbon.is.migration.api.MigrationException;

/** The tenants of an installation: the super tenant, then every UM_TENANT row of the user-management database. */
public final class TenantDirectory {

    private TenantDirectory() {
    }

    /** The super tenant first, then UM_TENANT by UM_ID ascending. Reads only. */
    public static List<Tenant> list(MigrationDatabase um) throws MigrationException {
        List<Tenant> tenants = new ArrayList<>();
        tenants.add(Tenant.SUPER_TENANT);
        try (Connection connection = um.connect();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT UM_ID, UM_DOMAIN_NAME, UM_ACTIVE FROM UM_TENANT ORDER BY UM_ID");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                tenants.add(new Tenant(rows.getInt(1), rows.getString(2), rows.getBoolean(3)));
            }
            connection.rollback();
        } catch (SQLException e) {
            throw new MigrationException("Could not read the tenants from UM_TENANT of the " + um.logicalName()
                    + " database: " + e.getMessage(), e);
        }
        return tenants;
    }
}
