package org.wso2.carbon.is.migration.sync;

import java.sql.Types;

/**
 * One column of a synced table's primary key, with the type its copy in the journal gets: its JDBC type and, for
 * character and decimal types, the length or precision and scale.
 */
final class KeyColumn {

    private final String name;
    private final int jdbcType;
    private final int size;
    private final int scale;

    KeyColumn(String name, int jdbcType, int size, int scale) {
        this.name = name;
        this.jdbcType = jdbcType;
        this.size = size;
        this.scale = scale;
    }

    /** A key column as the release schema facts write its type ({@code VARCHAR(255)}, {@code INTEGER}, ...). */
    static KeyColumn fromFactsType(String name, String type) {
        String upper = type.toUpperCase(java.util.Locale.ROOT);
        int open = upper.indexOf('(');
        String base = open < 0 ? upper : upper.substring(0, open);
        int size = 0;
        int scale = 0;
        if (open >= 0) {
            String[] numbers = upper.substring(open + 1, upper.indexOf(')')).split(",");
            size = Integer.parseInt(numbers[0].trim());
            scale = numbers.length > 1 ? Integer.parseInt(numbers[1].trim()) : 0;
        }
        switch (base) {
            case "VARCHAR":
            case "VARCHAR2":
            case "NVARCHAR":
                return new KeyColumn(name, Types.VARCHAR, size, 0);
            case "CHAR":
                return new KeyColumn(name, Types.CHAR, size, 0);
            case "INT":
            case "INTEGER":
            case "SMALLINT":
                return new KeyColumn(name, Types.INTEGER, 0, 0);
            case "BIGINT":
                return new KeyColumn(name, Types.BIGINT, 0, 0);
            case "DECIMAL":
            case "NUMERIC":
            case "NUMBER":
                return new KeyColumn(name, Types.DECIMAL, size, scale);
            case "TIMESTAMP":
                return new KeyColumn(name, Types.TIMESTAMP, 0, 0);
            default:
                throw new IllegalArgumentException("Key column " + name + " has the type " + type
                        + ", which the journal cannot hold");
        }
    }

    String name() {
        return name;
    }

    int jdbcType() {
        return jdbcType;
    }

    int size() {
        return size;
    }

    int scale() {
        return scale;
    }

    @Override
    public String toString() {
        return name;
    }
}
