package org.wso2.carbon.is.migration.migrator.oauth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.wso2.carbon.is.migration.api.Dialect;
import org.wso2.carbon.is.migration.database.CatalogLookup;

/**
 * Identity providers, OAuth apps, and access tokens, token-audit rows and authorization codes of every kind the
 * 5.8.0 data step meets, in a 5.8.0 identity database built from the facts; each row with the IDP_ID and
 * USER_DOMAIN the rule must leave it with. The rule's expectations are written out here by hand, independently of
 * the SQL under test.
 *
 * <p>Tenants: -1234 (LOCAL, and a decoy {@code google} so that tenant scoping matters), 1 (LOCAL, {@code google}),
 * 2 (no LOCAL; a federated {@code okta}). Rows are identified by AUTHZ_USER, unique per row, because audit rows may
 * share (or lack) a TOKEN_ID.
 */
final class OAuthTokenFixture {

    static final String[] TABLES = {"IDN_OAUTH2_ACCESS_TOKEN", "IDN_OAUTH2_ACCESS_TOKEN_AUDIT",
            "IDN_OAUTH2_AUTHORIZATION_CODE"};

    /** What a row looks like now, and after the step. */
    record Expected(String table, String user, Integer idpId, String userDomain, boolean changes) {
    }

    /** One kind of row: its tenant, USER_DOMAIN and IDP_ID before, and what the rule makes of it. */
    private record Kind(int tenant, String domainBefore, String idpBefore, String idpAfter, String domainAfter) {
    }

    private final Map<String, Integer> idps = new HashMap<>();
    private final Map<Integer, Integer> apps = new HashMap<>();
    private final List<Expected> expected = new ArrayList<>();
    private final Map<String, Long> leftPerReason = new LinkedHashMap<>();

    private static final List<Kind> KINDS = List.of(
            new Kind(-1234, "PRIMARY", null, "-1234/LOCAL", "PRIMARY"),
            new Kind(1, "PRIMARY", null, "1/LOCAL", "PRIMARY"),
            new Kind(1, "SECONDARY", "-1", "1/LOCAL", "SECONDARY"),             // the old client's placeholder
            new Kind(1, "FEDERATED:google", null, "1/google", "FEDERATED"),
            new Kind(1, "FEDERATED:GOOGLE", null, "1/google", "FEDERATED"),     // stored upper-cased
            new Kind(1, "FEDERATED:google", "1/LOCAL", "1/google", "FEDERATED"), // the old client's wrong LOCAL id
            new Kind(1, "FEDERATED:gone", null, null, "FEDERATED:gone"),        // IdP deleted since: left
            new Kind(2, "PRIMARY", null, null, "PRIMARY"),                      // no LOCAL IdP: left
            new Kind(2, "FEDERATED:okta", null, "2/okta", "FEDERATED"),
            new Kind(1, "FEDERATED", "1/google", "1/google", "FEDERATED"),      // written by 5.8.0: untouched
            new Kind(-1234, "PRIMARY", "-1234/LOCAL", "-1234/LOCAL", "PRIMARY")); // already set: untouched

    /** Inserts the IdPs, apps and {@code copies} rows of every kind into each of the three tables. */
    static OAuthTokenFixture fill(Connection connection, int copies) throws SQLException {
        return fill(connection, copies, true);
    }

    /**
     * As {@link #fill(Connection, int)}; with {@code idpIdColumn} false the tables are 5.7.0's (no IDP_ID) and the
     * rows are inserted without it (only the IdPs, apps and USER_DOMAINs matter then; {@link #expected} does not
     * apply).
     */
    static OAuthTokenFixture fill(Connection connection, int copies, boolean idpIdColumn) throws SQLException {
        OAuthTokenFixture fixture = new OAuthTokenFixture();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            fixture.insertIdps(connection);
            fixture.insertApps(connection);
            fixture.insertRows(connection, copies, idpIdColumn);
            connection.commit();
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        return fixture;
    }

    private void insertIdps(Connection connection) throws SQLException {
        String[][] rows = {{"-1234", "LOCAL"}, {"-1234", "google"}, {"1", "LOCAL"}, {"1", "google"}, {"2", "okta"}};
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO IDP (TENANT_ID, NAME) VALUES (?, ?)")) {
            for (String[] row : rows) {
                insert.setInt(1, Integer.parseInt(row[0]));
                insert.setString(2, row[1]);
                insert.executeUpdate();
            }
        }
        try (Statement query = connection.createStatement();
             ResultSet result = query.executeQuery("SELECT ID, TENANT_ID, NAME FROM IDP")) {
            while (result.next()) {
                idps.put(result.getInt(2) + "/" + result.getString(3), result.getInt(1));
            }
        }
    }

    private void insertApps(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO IDN_OAUTH_CONSUMER_APPS"
                + " (CONSUMER_KEY, CONSUMER_SECRET, USERNAME, TENANT_ID, USER_DOMAIN, APP_NAME, OAUTH_VERSION)"
                + " VALUES (?, 'secret', 'admin', ?, 'PRIMARY', ?, 'OAuth-2.0')")) {
            for (int tenant : new int[] {-1234, 1, 2}) {
                insert.setString(1, "key-" + tenant);
                insert.setInt(2, tenant);
                insert.setString(3, "app-" + tenant);
                insert.executeUpdate();
            }
        }
        try (Statement query = connection.createStatement();
             ResultSet result = query.executeQuery("SELECT ID, TENANT_ID FROM IDN_OAUTH_CONSUMER_APPS")) {
            while (result.next()) {
                apps.put(result.getInt(2), result.getInt(1));
            }
        }
    }

    private void insertRows(Connection connection, int copies, boolean idpIdColumn) throws SQLException {
        Timestamp created = Timestamp.valueOf("2019-05-01 10:00:00");
        String idpColumn = idpIdColumn ? ", IDP_ID" : "";
        String idpValue = idpIdColumn ? ", ?" : "";
        try (PreparedStatement token = connection.prepareStatement("INSERT INTO IDN_OAUTH2_ACCESS_TOKEN (TOKEN_ID,"
                + " CONSUMER_KEY_ID, AUTHZ_USER, TENANT_ID, USER_DOMAIN, USER_TYPE, TIME_CREATED,"
                + " REFRESH_TOKEN_TIME_CREATED, TOKEN_SCOPE_HASH, TOKEN_STATE, TOKEN_STATE_ID" + idpColumn + ")"
                + " VALUES (?, ?, ?, ?, ?, 'APPLICATION_USER', ?, ?, 'hash', 'ACTIVE', 'NONE'" + idpValue + ")");
             PreparedStatement audit = connection.prepareStatement("INSERT INTO IDN_OAUTH2_ACCESS_TOKEN_AUDIT"
                     + " (TOKEN_ID, CONSUMER_KEY_ID, AUTHZ_USER, TENANT_ID, USER_DOMAIN, TIME_CREATED,"
                     + " INVALIDATED_TIME" + idpColumn + ") VALUES (?, ?, ?, ?, ?, ?, ?" + idpValue + ")");
             PreparedStatement code = connection.prepareStatement("INSERT INTO IDN_OAUTH2_AUTHORIZATION_CODE"
                     + " (CODE_ID, CONSUMER_KEY_ID, AUTHZ_USER, TENANT_ID, USER_DOMAIN, TIME_CREATED, STATE" + idpColumn
                     + ") VALUES (?, ?, ?, ?, ?, ?, 'ACTIVE'" + idpValue + ")")) {
            int row = 0;
            for (int copy = 0; copy < copies; copy++) {
                for (Kind kind : KINDS) {
                    row++;
                    for (String table : TABLES) {
                        String user = table.substring(table.lastIndexOf('_') + 1).toLowerCase() + "-user-" + row;
                        // Random keys spread every kind over the whole key range, and so over many chunks.
                        String key = UUID.nameUUIDFromBytes((table + row).getBytes()).toString();
                        PreparedStatement insert = switch (table) {
                            case "IDN_OAUTH2_ACCESS_TOKEN" -> token;
                            case "IDN_OAUTH2_ACCESS_TOKEN_AUDIT" -> audit;
                            default -> code;
                        };
                        if (insert == audit && row % 10 == 3) {
                            key = null; // audit rows may lack a TOKEN_ID: outside every key range
                        } else if (insert == audit && row % 10 == 5) {
                            key = UUID.nameUUIDFromBytes((table + (row - 1)).getBytes()).toString(); // a repeat
                        }
                        insert.setString(1, key);
                        insert.setInt(2, apps.get(kind.tenant()));
                        insert.setString(3, user);
                        insert.setInt(4, kind.tenant());
                        insert.setString(5, kind.domainBefore());
                        insert.setTimestamp(6, created);
                        int next = 7;
                        if (insert != code) {
                            insert.setTimestamp(next++, created);
                        }
                        Integer before = idpIdColumn ? idp(kind.idpBefore()) : null;
                        if (!idpIdColumn) {
                            // no IDP_ID to bind
                        } else if (before == null) {
                            insert.setNull(next, Types.INTEGER);
                        } else {
                            insert.setInt(next, before);
                        }
                        insert.addBatch();
                        Integer after = kind.idpAfter() == null ? before : idp(kind.idpAfter());
                        boolean changes = !Objects.equals(before, after) || !kind.domainBefore().equals(kind.domainAfter());
                        expected.add(new Expected(table, user, after, kind.domainAfter(), changes));
                        if (kind.idpAfter() == null) {
                            leftPerReason.merge(table + ": " + (kind.tenant() == 2
                                    ? "tenant 2 has no LOCAL identity provider"
                                    : "tenant 1 has no single identity provider named 'gone'"), 1L, Long::sum);
                        }
                    }
                }
                if (copy % 100 == 99) {
                    token.executeBatch();
                    audit.executeBatch();
                    code.executeBatch();
                }
            }
            token.executeBatch();
            audit.executeBatch();
            code.executeBatch();
        }
    }

    private Integer idp(String tenantAndName) {
        if (tenantAndName == null) {
            return null;
        }
        if (tenantAndName.equals("-1")) {
            return -1;
        }
        return Objects.requireNonNull(idps.get(tenantAndName), tenantAndName);
    }

    List<Expected> expected() {
        return expected;
    }

    /** Rows the step changes. */
    long changing() {
        return expected.stream().filter(Expected::changes).count();
    }

    long changing(String table) {
        return expected.stream().filter(e -> e.table().equals(table) && e.changes()).count();
    }

    /** Rows left per {@code <table>: <reason>}, as the step must report them. */
    Map<String, Long> leftPerReason() {
        return leftPerReason;
    }

    /** Every row's current (IDP_ID, USER_DOMAIN), keyed {@code <table>/<user>}. */
    static Map<String, List<Object>> current(Connection connection) throws SQLException {
        Map<String, List<Object>> rows = new HashMap<>();
        for (String table : TABLES) {
            try (Statement query = connection.createStatement();
                 ResultSet result = query.executeQuery("SELECT AUTHZ_USER, IDP_ID, USER_DOMAIN FROM " + table)) {
                while (result.next()) {
                    String user = result.getString(1);
                    int idp = result.getInt(2);
                    Integer idpId = result.wasNull() ? null : idp;
                    rows.put(table + "/" + user, java.util.Arrays.asList(idpId, result.getString(3)));
                }
            }
        }
        return rows;
    }

    /**
     * The chunks the data step needs for the whole of {@code table} with chunks of {@code batch} rows, computed
     * independently of the slicers, before the step runs: on PostgreSQL one per heap page the table has (a page holds
     * more than {@code batch} of the fixture's rows, and is the smallest range); on H2 by row id; elsewhere by key.
     */
    static long expectedChunks(Connection connection, Dialect dialect, String table, int batch) throws SQLException {
        return switch (dialect) {
            case POSTGRESQL -> {
                try (PreparedStatement query = connection.prepareStatement(
                        "SELECT pg_relation_size(CAST(? AS regclass)) / current_setting('block_size')::bigint")) {
                    query.setString(1, table);
                    try (ResultSet rows = query.executeQuery()) {
                        rows.next();
                        yield rows.getLong(1);
                    }
                }
            }
            case H2 -> expectedChunks(connection, table, "_ROWID_", null, batch);
            default -> expectedChunks(connection, table, table.endsWith("CODE") ? "CODE_ID" : "TOKEN_ID", null, batch);
        };
    }

    /**
     * The chunks a walk by key of {@code batch} keys needs for the non-NULL keys above {@code after} (all
     * keys when null), computed independently: each chunk takes the next {@code batch} rows in key order, plus the
     * rows that repeat its last key.
     */
    static long expectedChunks(Connection connection, String table, String key, String after, int batch)
            throws SQLException {
        String sql = "SELECT " + key + " FROM " + table + " WHERE " + key + (after == null ? " IS NOT NULL" : " > ?")
                + " ORDER BY " + key;
        long chunks = 0;
        int inChunk = 0;
        String previous = null;
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            if (after != null) {
                query.setString(1, after);
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String current = rows.getString(1);
                    if (inChunk >= batch && !current.equals(previous)) {
                        inChunk = 0;
                    }
                    if (inChunk == 0) {
                        chunks++;
                    }
                    inChunk++;
                    previous = current;
                }
            }
        }
        return chunks;
    }

    /** The value of the step's checkpoint {@code key}, or null when none is saved (or the ledger is not there yet). */
    static String checkpoint(Connection connection, String key) throws SQLException {
        if (!CatalogLookup.tableExists(connection, "IS_MIGRATION_CHECKPOINT")) {
            return null;
        }
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT CP_VALUE FROM IS_MIGRATION_CHECKPOINT WHERE CP_KEY = ?")) {
            query.setString(1, key);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    /** What {@link #current} must show after the step. */
    Map<String, List<Object>> expectedAfter() {
        Map<String, List<Object>> rows = new HashMap<>();
        for (Expected e : expected) {
            rows.put(e.table() + "/" + e.user(), java.util.Arrays.asList(e.idpId(), e.userDomain()));
        }
        return rows;
    }
}
