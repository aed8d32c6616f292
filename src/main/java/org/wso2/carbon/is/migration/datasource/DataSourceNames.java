package org.wso2.carbon.is.migration.datasource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The spellings under which a server DataSource name can be registered: as given, and with or without "jdbc/". */
final class DataSourceNames {

    static final String JDBC_PREFIX = "jdbc/";

    private DataSourceNames() {
    }

    /** {@code name} first, then the same name with {@code jdbc/} added or removed. */
    static List<String> variants(String name) {
        Set<String> variants = new LinkedHashSet<>();
        variants.add(name);
        if (name.startsWith(JDBC_PREFIX)) {
            variants.add(name.substring(JDBC_PREFIX.length()));
        } else {
            variants.add(JDBC_PREFIX + name);
        }
        return Collections.unmodifiableList(new ArrayList<>(variants));
    }
}
