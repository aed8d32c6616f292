package org.wso2.carbon.is.migration.api;

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One kind of migration step, named in {@code migration-config.yaml} ({@code SchemaMigrator}, {@code OAuthDataMigrator},
 * ...). A migrator first {@linkplain #plan plans} the step without changing anything, so that the engine can validate
 * the whole migration, show it in a dry run and decide from the ledger whether it already ran; only then is it
 * {@linkplain #execute executed}.
 */
@ConsumerType
public interface Migrator {

    /** The name operators write in {@code migratorConfigs[].name}. */
    String name();

    /**
     * The step's identity in the ledger, from its {@code parameters} alone: never from the data, so that
     * {@code info} can find the step's records without planning it.
     *
     * @throws MigrationException when a parameter the identity needs is missing or wrong
     */
    StepIdentity identify(Map<String, String> parameters) throws MigrationException;

    /**
     * Works out what this step would do in the given context: the database it changes, a fingerprint of its
     * content, and the statements or actions it would run. Must not change any data.
     */
    StepPlan plan(MigrationContext context) throws MigrationException;

    /** Carries out a plan made by {@link #plan} in the same context. Not called in a dry run. */
    void execute(MigrationContext context, StepPlan plan) throws MigrationException;
}
