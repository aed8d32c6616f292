package org.wso2.carbon.is.migration.testsupport;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The six UMA tables 5.7.0 renames (identity-oauth-uma v1.0.4 to v1.0.14), for checks that every row survives the
 * rename: the columns to fingerprint before (all but the permission ticket's VALIDITY_PERIOD, which 5.7.0 turns into
 * EXPIRY_TIME) and the same entries under the 5.7.0 names.
 */
public final class UmaTablesRenamedIn570 {

    /** 5.7.0 name by 5.6.0 name. */
    public static final Map<String, String> NEW_NAMES = Map.of(
            "IDN_RESOURCE", "IDN_UMA_RESOURCE", "IDN_RESOURCE_META_DATA", "IDN_UMA_RESOURCE_META_DATA",
            "IDN_RESOURCE_SCOPE", "IDN_UMA_RESOURCE_SCOPE", "IDN_PERMISSION_TICKET", "IDN_UMA_PERMISSION_TICKET",
            "IDN_PT_RESOURCE", "IDN_UMA_PT_RESOURCE", "IDN_PT_RESOURCE_SCOPE", "IDN_UMA_PT_RESOURCE_SCOPE");

    private UmaTablesRenamedIn570() {
    }

    /** Every table's columns, but the permission ticket's VALIDITY_PERIOD. */
    public static Map<String, List<String>> keptColumns(Map<String, List<String>> columns) {
        Map<String, List<String>> kept = new TreeMap<>(columns);
        kept.computeIfPresent("IDN_PERMISSION_TICKET", (table, names) -> names.stream()
                .filter(name -> !name.equals("VALIDITY_PERIOD")).toList());
        return kept;
    }

    /** The same entries, keyed by the tables' 5.7.0 names. */
    public static <V> Map<String, V> renamed(Map<String, V> byTable) {
        Map<String, V> result = new TreeMap<>();
        byTable.forEach((table, value) -> result.put(NEW_NAMES.getOrDefault(table, table), value));
        return result;
    }
}
