package org.wso2.carbon.is.migration.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

import org.wso2.carbon.is.migration.api.Dialect;
import org.wso2.carbon.is.migration.api.MigrationDatabase;
import org.wso2.carbon.is.migration.ledger.Ledger;
import org.wso2.carbon.is.migration.watch.RunWatch;

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
    private final RunWatch watch;
    private final int checkSeconds;

    /**
     * @param watch        watches the connections handed to migrators
     * @param checkSeconds how long the server has to answer a check that it is still there
     */
    TargetDatabase(String dataSourceName, DataSource dataSource, Dialect dialect, String location,
                   List<String> logicalNames, RunWatch watch, int checkSeconds) {
        this.dataSourceName = dataSourceName;
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.location = location;
        logicalNames.forEach(Objects::requireNonNull);
        // A view, not a copy: TargetDatabases adds the logical names of later steps that share this DataSource
        // (uma, consent after identity), and the report lists them all.
        this.logicalNames = Collections.unmodifiableList(logicalNames);
        this.ledger = new Ledger(dataSource, dialect, dataSourceName);
        this.watch = watch;
        this.checkSeconds = checkSeconds;
    }

    /** Throws unless the server answers on a new connection within the check time. */
    private void checkAnswers() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(checkSeconds)) {
                throw new SQLException("the server did not confirm a new connection as valid within " + checkSeconds
                        + " s");
            }
        }
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
        return new DataSourceDatabase(logicalName, dialect, watch.watching(dataSource, dataSourceName,
                this::checkAnswers));
    }
}
