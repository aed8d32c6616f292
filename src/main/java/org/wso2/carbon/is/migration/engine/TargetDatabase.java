package org.wso2.carbon.is.migration.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

import org.wso2.carbon.is.migration.api.Dialect;
import org.wso2.carbon.is.migration.api.MigrationDatabase;
import org.wso2.carbon.is.migration.ledger.Ledger;

/**
 * One physical database (one DataSource name), with its dialect and its ledger. Several logical databases
 * ({@code identity}, {@code consent}, {@code uma}) usually share one.
 */
final class TargetDatabase {

    private final String dataSourceName;
    private final DataSource dataSource;
    private final Dialect dialect;
    private final String location;
    private final Ledger ledger;
    private final List<String> logicalNames;

    TargetDatabase(String dataSourceName, DataSource dataSource, Dialect dialect, String location,
                   List<String> logicalNames) {
        this.dataSourceName = dataSourceName;
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.location = location;
        List<String> copy = new ArrayList<>(logicalNames);
        copy.forEach(Objects::requireNonNull);
        this.logicalNames = Collections.unmodifiableList(copy);
        this.ledger = new Ledger(dataSource, dialect);
    }

    String dataSourceName() {
        return dataSourceName;
    }

    DataSource dataSource() {
        return dataSource;
    }

    Dialect dialect() {
        return dialect;
    }

    /** The JDBC URL and product, secrets masked, for logs. */
    String location() {
        return location;
    }

    Ledger ledger() {
        return ledger;
    }

    List<String> logicalNames() {
        return logicalNames;
    }

    /** The view a migrator gets of this database under one of its logical names. */
    MigrationDatabase as(String logicalName) {
        return new DataSourceDatabase(logicalName, dialect, dataSource);
    }
}
