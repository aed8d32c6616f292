package org.wso2.carbon.is.migration.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.wso2.carbon.is.migration.database.CatalogLookup;
import org.wso2.carbon.is.migration.transform.IdpIdRule;

/**
 * The old sync tool's apply loop (see ../shared/LEGACY-TOOL-FACTS.md), reproduced over this tool's journal of the
 * token table, as the baseline of the apply rate:
 * <ul>
 * <li>entries are read by id range, {@code SYNC_ID > last AND SYNC_ID < last + batchSize + 1}, {@code last} being
 *     the highest id applied; its journal carried the whole row, so here the source row is joined to the entry in
 *     the same query;</li>
 * <li>per entry, one at a time: a SELECT of the key on the target, then an UPDATE or an INSERT of the row (a DELETE
 *     when the row is gone), then its release transform (the IDP_ID rule, for that row);</li>
 * <li>one commit per range, the journal left as it is (the old tool kept {@code last} in a table and never removed
 *     an entry).</li>
 * </ul>
 * The range ends when it passes {@code lastId}; the old tool would wait for more.
 */
final class LegacySyncBaseline {

    record Result(long rows, long millis, long batches) {
        long rowsPerSecond() {
            return millis > 0 ? rows * 1000 / millis : rows;
        }
    }

    private static final String TABLE = TokenDataSet.TOKEN_TABLE;
    private static final String KEY = "TOKEN_ID";

    private final String journal;
    private final int batchSize;

    LegacySyncBaseline(String journal, int batchSize) {
        this.journal = journal;
        this.batchSize = batchSize;
    }

    /** Applies the entries with ids in ({@code afterId}, {@code lastId}]. */
    Result run(Connection source, Connection target, long afterId, long lastId) throws SQLException {
        Map<String, Integer> targetTypes = CatalogLookup.columnTypes(target, TABLE);
        List<String> columns = new ArrayList<>();
        for (String column : CatalogLookup.columnTypes(source, TABLE).keySet()) {
            if (targetTypes.containsKey(column)) {
                columns.add(column);
            }
        }
        List<String> values = new ArrayList<>(columns);
        values.remove(KEY);
        List<String> selected = new ArrayList<>();
        for (String column : columns) {
            selected.add("T." + column);
        }
        long started = System.nanoTime();
        long rows = 0;
        long batches = 0;
        try (PreparedStatement read = source.prepareStatement("SELECT J.SYNC_ID, J." + KEY + ", "
                + String.join(", ", selected) + " FROM " + journal + " J LEFT JOIN " + TABLE + " T ON T." + KEY
                + " = J." + KEY + " WHERE J.SYNC_ID > ? AND J.SYNC_ID < ? ORDER BY J.SYNC_ID");
             PreparedStatement exists = target.prepareStatement("SELECT " + KEY + " FROM " + TABLE + " WHERE "
                     + KEY + " = ?");
             PreparedStatement update = target.prepareStatement("UPDATE " + TABLE + " SET "
                     + String.join(" = ?, ", values) + " = ? WHERE " + KEY + " = ?");
             PreparedStatement insert = target.prepareStatement("INSERT INTO " + TABLE + " ("
                     + String.join(", ", columns) + ") VALUES (" + "?, ".repeat(columns.size() - 1) + "?)");
             PreparedStatement delete = target.prepareStatement("DELETE FROM " + TABLE + " WHERE " + KEY + " = ?");
             PreparedStatement transform = target.prepareStatement(IdpIdRule.update(TABLE, TABLE + "." + KEY
                     + " = ?"))) {
            long last = afterId;
            while (last < lastId) {
                read.setLong(1, last);
                read.setLong(2, last + batchSize + 1);
                long highest = last;
                try (ResultSet entries = read.executeQuery()) {
                    while (entries.next()) {
                        highest = entries.getLong(1);
                        String key = entries.getString(2);
                        apply(entries, key, columns, targetTypes, exists, update, insert, delete, transform);
                        rows++;
                    }
                }
                source.commit();
                target.commit();
                batches++;
                if (highest == last) {
                    throw new SQLException("no journal entry in (" + last + ", " + (last + batchSize + 1)
                            + "): the old tool stalls on such a gap for ever");
                }
                last = highest;
            }
        }
        return new Result(rows, (System.nanoTime() - started) / 1_000_000, batches);
    }

    private static void apply(ResultSet entry, String key, List<String> columns, Map<String, Integer> types,
                              PreparedStatement exists, PreparedStatement update, PreparedStatement insert,
                              PreparedStatement delete, PreparedStatement transform) throws SQLException {
        boolean gone = entry.getObject(3 + columns.indexOf(KEY)) == null;
        exists.setString(1, key);
        boolean present;
        try (ResultSet found = exists.executeQuery()) {
            present = found.next();
        }
        if (gone) {
            if (present) {
                delete.setString(1, key);
                delete.executeUpdate();
            }
            return;
        }
        if (present) {
            int parameter = 1;
            for (int i = 0; i < columns.size(); i++) {
                if (!columns.get(i).equals(KEY)) {
                    bind(update, parameter++, entry.getObject(3 + i), types.get(columns.get(i)));
                }
            }
            update.setString(parameter, key);
            update.executeUpdate();
        } else {
            for (int i = 0; i < columns.size(); i++) {
                bind(insert, i + 1, entry.getObject(3 + i), types.get(columns.get(i)));
            }
            insert.executeUpdate();
        }
        transform.setString(1, key);
        transform.executeUpdate();
    }

    private static void bind(PreparedStatement statement, int parameter, Object value, int type)
            throws SQLException {
        if (value == null) {
            statement.setNull(parameter, type);
        } else {
            statement.setObject(parameter, value);
        }
    }
}
