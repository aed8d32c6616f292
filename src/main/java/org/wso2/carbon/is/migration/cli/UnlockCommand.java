package org.wso2.carbon.is.migration.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import javax.sql.DataSource;

import org.wso2.carbon.is.migration.api.Dialect;
import org.wso2.carbon.is.migration.api.ErrorCode;
import org.wso2.carbon.is.migration.config.ConfigException;
import org.wso2.carbon.is.migration.config.ConfigLoader;
import org.wso2.carbon.is.migration.config.MigrationConfig;
import org.wso2.carbon.is.migration.database.DialectDetector;
import org.wso2.carbon.is.migration.datasource.DataSourceException;
import org.wso2.carbon.is.migration.datasource.StandaloneDataSources;
import org.wso2.carbon.is.migration.datasource.TimeBoundDataSource;
import org.wso2.carbon.is.migration.ledger.Ledger;
import org.wso2.carbon.is.migration.ledger.LedgerException;
import org.wso2.carbon.is.migration.ledger.MigrationLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Shows who holds the migration lock of each database, and with {@code --force} clears it. A run on the same host
 * takes over a dead holder's lock by itself; a holder on another host can only be judged by the operator, who
 * clears it on purpose after making sure no migration runs there.
 */
@Command(name = "unlock", mixinStandardHelpOptions = true,
        description = {"Show the migration lock of each database (holder host and process, since, lease); with "
                + "--force, clear it.",
                "Exit code: 0 no lock left, 1 a lock is held and --force was not given, 2 bad usage or a database "
                        + "that cannot be reached."})
final class UnlockCommand implements Callable<Integer> {

    @Mixin
    StandaloneOptions options;

    @Option(names = "--force", description = "Clear the locks shown. Only when no migration runs on them any more.")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String problem = options.problem();
        if (problem != null) {
            err.println(problem);
            return ErrorCode.BAD_CONFIGURATION.exitCode();
        }
        try (StandaloneDataSources dataSources = new StandaloneDataSources(options.isHome, options.libDirs)) {
            MigrationConfig config = ConfigLoader.load(options.configFile()).config();
            Set<String> names = new LinkedHashSet<>(config.dataSources().values());
            boolean held = false;
            for (String name : names) {
                Ledger ledger = ledgerOf(name, dataSources.dataSource(name),
                        config.timeLimits().connectTimeoutSeconds() * 1000L);
                Optional<String> holder = MigrationLock.inspect(ledger);
                if (!holder.isPresent()) {
                    out.println(name + ": not locked");
                } else if (force && MigrationLock.clear(ledger)) {
                    out.println(name + ": cleared the lock held by " + holder.get());
                } else {
                    held = true;
                    out.println(name + ": locked by " + holder.get());
                }
            }
            if (held) {
                out.println("Nothing was cleared. Make sure no migration runs on these databases, then run the same"
                        + " command with --force.");
            }
            out.flush();
            return held ? ErrorCode.STEP_FAILED.exitCode() : ErrorCode.SUCCESS_EXIT_CODE;
        } catch (ConfigException | DataSourceException e) {
            err.println(e.getMessage());
            return e.errorCode().exitCode();
        } catch (LedgerException | SQLException | IOException e) {
            err.println("Could not read or clear the migration lock: " + e.getMessage());
            return ErrorCode.DATA_SOURCE_UNAVAILABLE.exitCode();
        }
    }

    private static Ledger ledgerOf(String name, DataSource dataSource, long connectTimeoutMillis)
            throws SQLException {
        DataSource bounded = new TimeBoundDataSource(dataSource, name, connectTimeoutMillis);
        Dialect dialect;
        try (Connection connection = bounded.getConnection()) {
            dialect = DialectDetector.detect(connection.getMetaData());
        }
        return new Ledger(bounded, dialect, name);
    }
}
