package org.wso2.carbon.is.migration.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a release added to the one before, by name: its new tables and the new columns of tables both have. The
 * migration scripts of every dialect create the same tables and columns under the same names, so the PostgreSQL
 * facts give the markers of Oracle, MSSQL and DB2 as well.
 */
final class ReleaseMarkers {

    private static final String NAMES_FROM = "postgresql";

    private ReleaseMarkers() {
    }

    /** Each marker is {@code {TABLE}} or {@code {TABLE, COLUMN}}, upper case. */
    static List<String[]> added(String previous, String release, Set<SchemaPart> parts) {
        List<String[]> markers = new ArrayList<>();
        for (SchemaPart part : parts) {
            Map<String, TableSchema> before = ReleaseSchemas.load(NAMES_FROM, previous, part.kernel()).tables();
            Map<String, TableSchema> after = ReleaseSchemas.load(NAMES_FROM, release, part.kernel()).tables();
            for (TableSchema table : after.values()) {
                String name = table.name().toUpperCase(Locale.ROOT);
                TableSchema old = before.get(table.name());
                if (old == null) {
                    markers.add(new String[] {name});
                    continue;
                }
                for (ColumnSchema column : table.columns()) {
                    if (!old.column(column.name()).isPresent()) {
                        markers.add(new String[] {name, column.name().toUpperCase(Locale.ROOT)});
                    }
                }
            }
        }
        return markers;
    }
}
