/**
 * The bundle's only exported package. Other bundles use it two ways: they read {@link MigrationStatus} (a service the
 * bundle publishes) to tell whether the database was migrated, and they can add their own steps by publishing a
 * {@link Migrator} as an OSGi service; a config names it like a built-in one, and the engine plans, records and runs
 * it like one. Consumers implement {@code Migrator}; the bundle implements the rest.
 */
package org.wso2.carbon.is.migration.api;
