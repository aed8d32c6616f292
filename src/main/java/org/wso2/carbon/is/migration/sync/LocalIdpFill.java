package org.wso2.carbon.is.migration.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import org.wso2.carbon.is.migration.transform.IdpIdRule;

/**
 * The IDP_ID {@code sync verify} expects of a source row of a token or code table written before 5.8.0, finished on
 * the client: the source's select gives the rule's value for a federated row and {@link #LOCAL} for any other, which
 * this replaces by the LOCAL IdP id of the row's tenant, read for every tenant at once ({@link IdpIdRule#localIdps}).
 * The select's own per-row lookup of it took about as long as reading the row (see docs/benchmark.md).
 */
final class LocalIdpFill implements VerifiedColumn.SourceFill {

    /**
     * "The tenant's LOCAL IdP", in the select's place of it: no IdP has this id (IDP.ID is generated from 1, and -1
     * is the old client's placeholder).
     */
    static final int LOCAL = -2;

    private final int tenantAt;
    private final Map<Long, Long> localIds = new HashMap<>();

    /** @param tenantAt where TENANT_ID is in the rows given to {@link #value} */
    LocalIdpFill(int tenantAt) {
        if (tenantAt < 0) {
            throw new IllegalArgumentException("A token or code table without TENANT_ID has no LOCAL IdP to fill in");
        }
        this.tenantAt = tenantAt;
    }

    @Override
    public void read(Connection source) throws SQLException {
        localIds.clear();
        try (PreparedStatement statement = source.prepareStatement(IdpIdRule.localIdps());
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                localIds.put(rows.getLong(1), rows.getLong(2));
            }
        } finally {
            source.commit();
        }
    }

    @Override
    public Object value(Object selected, Object[] row) {
        if (!(selected instanceof Number) || ((Number) selected).longValue() != LOCAL) {
            return selected;
        }
        Object tenant = row[tenantAt];
        return tenant instanceof Number ? localIds.get(((Number) tenant).longValue()) : null;
    }
}
