package org.wso2.carbon.is.migration.sync;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.wso2.carbon.is.migration.report.Json;

/**
 * {@code sync status}: per table the backlog, how much of it the target refused (retried, not parked yet), the lag
 * and the rows parked in the dead-letter table, as a text table for the operator and as JSON for scripts (the
 * switch-over waits for a backlog near zero, nothing failing and nothing parked).
 */
public final class SyncStatus {

    private final List<SyncProgress.TableFigures> tables;
    private final Map<String, Long> parked;

    SyncStatus(List<SyncProgress.TableFigures> tables, Map<String, Long> parked) {
        this.tables = tables;
        this.parked = parked;
    }

    /** Journal entries not yet applied, over every table. */
    public long backlog() {
        long total = 0;
        for (SyncProgress.TableFigures table : tables) {
            total += table.pending();
        }
        return total;
    }

    /** Journal entries of rows the target refused and that wait for a retry, over every table. */
    public long failing() {
        long total = 0;
        for (SyncProgress.TableFigures table : tables) {
            total += table.failing();
        }
        return total;
    }

    /** Rows parked in the dead-letter table, over every table. */
    public long parked() {
        long total = 0;
        for (long count : parked.values()) {
            total += count;
        }
        return total;
    }

    public String table() {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%-34s %10s %8s %10s %8s%n", "TABLE",
                "BACKLOG", "FAILING", "LAG (s)", "PARKED"));
        for (SyncProgress.TableFigures table : tables) {
            text.append(String.format(Locale.ROOT, "%-34s %10d %8d %10.1f %8d%n", table.table(), table.pending(),
                    table.failing(), table.lagMillis() / 1000.0, parkedOf(table.table())));
        }
        for (SyncProgress.TableFigures table : tables) {
            text.append(table.line()).append(System.lineSeparator());
        }
        return text.toString();
    }

    public String json() {
        List<Object> rows = new ArrayList<>();
        for (SyncProgress.TableFigures table : tables) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("table", table.table());
            row.put("backlog", table.pending());
            row.put("failing", table.failing());
            row.put("lagMillis", table.lagMillis());
            row.put("parked", parkedOf(table.table()));
            rows.add(row);
        }
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("backlog", backlog());
        status.put("failing", failing());
        status.put("parked", parked());
        status.put("tables", rows);
        return Json.write(status);
    }

    private long parkedOf(String table) {
        Long count = parked.get(table);
        return count == null ? 0 : count;
    }
}
