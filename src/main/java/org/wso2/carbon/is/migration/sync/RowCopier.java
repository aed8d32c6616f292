package org.wso2.carbon.is.migration.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.wso2.carbon.is.migration.api.ErrorCode;
import org.wso2.carbon.is.migration.api.MigrationException;
import org.wso2.carbon.is.migration.database.CatalogLookup;

/**
 * Copies rows of one table by key, in their current state, from the source to the target: the columns both
 * releases have (a column only the target has is never written, so a new row gets its declared default and an
 * existing row keeps its value), large objects as bytes or text so that any two drivers agree.
 *
 * <p>Writing is plain SQL on every engine: the keys of the batch that the target has are read first, those rows are
 * updated, the others inserted, and keys the source no longer has are deleted. An upsert statement would be shorter
 * but MySQL's ON DUPLICATE KEY UPDATE also fires on other unique keys (CON_APP_KEY), silently updating another row,
 * where these statements fail and the failing row is retried alone ({@link ChangeApplier}).
 */
final class RowCopier {

    private final SyncedTable table;
    private final List<String> columns;
    private final Map<String, Integer> sourceTypes;
    private final Map<String, Integer> targetTypes;
    private final List<String> valueColumns;

    private RowCopier(SyncedTable table, Map<String, Integer> sourceTypes, Map<String, Integer> targetTypes) {
        this.table = table;
        this.sourceTypes = sourceTypes;
        this.targetTypes = targetTypes;
        List<String> shared = new ArrayList<>();
        for (String column : sourceTypes.keySet()) {
            if (targetTypes.containsKey(column)) {
                shared.add(column);
            }
        }
        this.columns = Collections.unmodifiableList(shared);
        List<String> values = new ArrayList<>(shared);
        for (KeyColumn key : table.keys()) {
            values.remove(key.name());
        }
        this.valueColumns = Collections.unmodifiableList(values);
    }

    /** Reads both tables' columns from the catalogs. */
    static RowCopier between(SyncedTable table, Connection source, Connection target) throws SQLException,
            MigrationException {
        Map<String, Integer> sourceTypes = CatalogLookup.columnTypes(source, table.name());
        Map<String, Integer> targetTypes = CatalogLookup.columnTypes(target, table.name());
        for (KeyColumn key : table.keys()) {
            if (!sourceTypes.containsKey(key.name()) || !targetTypes.containsKey(key.name())) {
                throw new MigrationException(ErrorCode.DATA_SOURCE_UNAVAILABLE, table.name() + "." + key.name()
                        + " is missing in the " + (sourceTypes.containsKey(key.name()) ? "target" : "source")
                        + " database: is it the release sync.properties names?");
            }
        }
        return new RowCopier(table, sourceTypes, targetTypes);
    }

    SyncedTable table() {
        return table;
    }

    /** The columns copied, source order. */
    List<String> columns() {
        return columns;
    }

    /** The current source rows of {@code keys}, by key; a key without a row (deleted since) is absent. */
    Map<RowKey, Object[]> read(Connection source, Collection<RowKey> keys) throws SQLException {
        Map<RowKey, Object[]> rows = new LinkedHashMap<>();
        if (keys.isEmpty()) {
            return rows;
        }
        for (List<RowKey> part : KeyLists.parts(keys, table.keys().size())) {
            String sql = "SELECT " + String.join(", ", columns) + " FROM " + table.name() + " WHERE "
                    + RowKey.anyOf(table.keys(), part.size());
            try (PreparedStatement statement = source.prepareStatement(sql)) {
                RowKey.bindAll(statement, part);
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        Object[] values = new Object[columns.size()];
                        for (int i = 0; i < values.length; i++) {
                            values[i] = readValue(result, i + 1, sourceTypes.get(columns.get(i)));
                        }
                        rows.put(RowKey.read(result, table.keys()), values);
                    }
                }
            }
        }
        return rows;
    }

    /**
     * Makes the target hold {@code rows} for their keys and no row for the other {@code keys}; the caller commits.
     * The target's rows of {@code removed} keys are deleted before they are written, never updated.
     *
     * @return the keys written (updated or inserted)
     */
    List<RowKey> write(Connection target, Collection<RowKey> keys, Map<RowKey, Object[]> rows, Set<RowKey> removed)
            throws SQLException {
        List<RowKey> deleted = new ArrayList<>();
        for (RowKey key : keys) {
            if (!rows.containsKey(key) || removed.contains(key)) {
                deleted.add(key);
            }
        }
        deleteRows(target, deleted);
        Set<RowKey> existing = existing(target, rows.keySet());
        List<RowKey> updates = new ArrayList<>();
        List<RowKey> inserts = new ArrayList<>();
        for (RowKey key : rows.keySet()) {
            (existing.contains(key) ? updates : inserts).add(key);
        }
        if (!valueColumns.isEmpty()) {
            update(target, updates, rows);
        }
        insert(target, inserts, rows);
        return new ArrayList<>(rows.keySet());
    }

    private void deleteRows(Connection target, List<RowKey> keys) throws SQLException {
        if (keys.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = target.prepareStatement("DELETE FROM " + table.name() + " WHERE "
                + RowKey.condition(table.keys()))) {
            for (RowKey key : keys) {
                key.bind(statement, 1);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private Set<RowKey> existing(Connection target, Collection<RowKey> keys) throws SQLException {
        return KeyLists.present(target, table, table.name(), keys);
    }

    private void update(Connection target, List<RowKey> keys, Map<RowKey, Object[]> rows) throws SQLException {
        if (keys.isEmpty()) {
            return;
        }
        List<String> assignments = new ArrayList<>();
        for (String column : valueColumns) {
            assignments.add(column + " = ?");
        }
        try (PreparedStatement statement = target.prepareStatement("UPDATE " + table.name() + " SET "
                + String.join(", ", assignments) + " WHERE " + RowKey.condition(table.keys()))) {
            for (RowKey key : keys) {
                Object[] values = rows.get(key);
                int parameter = 1;
                for (String column : valueColumns) {
                    bindValue(statement, parameter++, values[columns.indexOf(column)], targetTypes.get(column));
                }
                key.bind(statement, parameter);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private void insert(Connection target, List<RowKey> keys, Map<RowKey, Object[]> rows) throws SQLException {
        if (keys.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = target.prepareStatement("INSERT INTO " + table.name() + " ("
                + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")")) {
            for (RowKey key : keys) {
                Object[] values = rows.get(key);
                for (int i = 0; i < values.length; i++) {
                    bindValue(statement, i + 1, values[i], targetTypes.get(columns.get(i)));
                }
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** Large objects as bytes or text (drivers cannot pass each other's LOBs); the rest as the driver reads it. */
    static Object readValue(ResultSet rows, int column, int jdbcType) throws SQLException {
        switch (jdbcType) {
            case Types.BLOB:
            case Types.BINARY:
            case Types.VARBINARY:
            case Types.LONGVARBINARY:
                return rows.getBytes(column);
            case Types.CLOB:
            case Types.NCLOB:
            case Types.LONGVARCHAR:
            case Types.LONGNVARCHAR:
                return rows.getString(column);
            default:
                return rows.getObject(column);
        }
    }

    private static void bindValue(PreparedStatement statement, int parameter, Object value, int targetType)
            throws SQLException {
        if (value == null) {
            statement.setNull(parameter, targetType);
        } else if (value instanceof byte[]) {
            statement.setBytes(parameter, (byte[]) value);
        } else if (value instanceof String) {
            statement.setString(parameter, (String) value);
        } else {
            statement.setObject(parameter, value);
        }
    }
}
