package org.wso2.carbon.is.migration.cli;

import java.sql.Connection;
import java.util.List;

import org.wso2.carbon.is.migration.schema.SchemaFacts;
import org.wso2.carbon.is.migration.testsupport.H2Engines;
import org.wso2.carbon.is.migration.testsupport.IsHome;
import org.wso2.carbon.is.migration.testsupport.ReleaseDatabaseBuilder;
import org.wso2.carbon.is.migration.testsupport.SampleData;
import org.wso2.carbon.is.migration.testsupport.TestDatabase;
import org.wso2.carbon.is.migration.testsupport.TestEngine;

/**
 * An installation's identity and shared databases on one engine, built from a release's facts with rows in nearly
 * every table, and the IS home whose deployment.toml names them (H2 in files: the command line's driver lives in its
 * own class loader and cannot see in-memory databases).
 */
record InstalledDatabases(TestDatabase identity, TestDatabase shared) {

    static InstalledDatabases at(String engineName, String facts, String release) throws Exception {
        TestEngine engine = MigrationChainTo590Test.engine(engineName);
        TestDatabase identity = engine instanceof H2Engines h2 ? h2.newFileDatabase() : engine.newDatabase();
        TestDatabase shared = engine instanceof H2Engines h2 ? h2.newFileDatabase() : engine.newDatabase();
        for (TestDatabase database : List.of(identity, shared)) {
            try (Connection connection = database.connect()) {
                ReleaseDatabaseBuilder.create(connection, SchemaFacts.load(facts, release, database == shared));
                SampleData.fill(connection, 2);
            }
        }
        return new InstalledDatabases(identity, shared);
    }

    /** An IS home with the shipped configuration, currentVersion set to {@code currentVersion}. */
    IsHome home(String currentVersion) throws Exception {
        return MigrationChainTo590Test.home(identity, shared, currentVersion);
    }
}
