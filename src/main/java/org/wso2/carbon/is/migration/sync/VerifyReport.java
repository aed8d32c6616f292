package org.wso2.carbon.is.migration.sync;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.wso2.carbon.is.migration.report.Json;

/** What {@code sync verify} found, per table: rows on each side, chunks, time, and the keys that differ. */
public final class VerifyReport {

    private final List<Map<String, Object>> tables = new ArrayList<>();
    private long differences;

    void add(String table, long sourceRows, long targetRows, long chunks, long millis, List<String> listed,
             long differing) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("table", table);
        row.put("sourceRows", sourceRows);
        row.put("targetRows", targetRows);
        row.put("chunks", chunks);
        row.put("millis", millis);
        row.put("rowsPerSecondPerSide", millis == 0 ? sourceRows : sourceRows * 1000 / millis);
        row.put("differences", differing);
        row.put("differingKeys", listed);
        tables.add(row);
        differences += differing;
    }

    /** Keys that differ over every table; 0 means the target equals the transformed source. */
    public long differences() {
        return differences;
    }

    /** The differing keys listed for one table (at most 100). */
    @SuppressWarnings("unchecked")
    public List<String> differingKeys(String table) {
        Map<String, Object> row = row(table);
        return row == null ? new ArrayList<>() : (List<String>) row.get("differingKeys");
    }

    /** How fast one table was compared: its source rows per second of the whole comparison; 0 when not compared. */
    public long rowsPerSecondPerSide(String table) {
        Map<String, Object> row = row(table);
        return row == null ? 0 : (Long) row.get("rowsPerSecondPerSide");
    }

    private Map<String, Object> row(String table) {
        for (Map<String, Object> row : tables) {
            if (row.get("table").equals(table)) {
                return row;
            }
        }
        return null;
    }

    public String text() {
        StringBuilder text = new StringBuilder();
        for (Map<String, Object> row : tables) {
            text.append(String.format(Locale.ROOT, "%s: %d source rows, %d target rows, %d chunks, %d ms,"
                    + " %d differences%s%n", row.get("table"), row.get("sourceRows"), row.get("targetRows"),
                    row.get("chunks"), row.get("millis"), row.get("differences"),
                    ((List<?>) row.get("differingKeys")).isEmpty() ? "" : ": " + row.get("differingKeys")));
        }
        text.append(differences == 0 ? "No differences." : differences + " differences.");
        return text.toString();
    }

    public String json() {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("differences", differences);
        report.put("tables", tables);
        return Json.write(report);
    }
}
