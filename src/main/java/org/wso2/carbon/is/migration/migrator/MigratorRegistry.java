package org.wso2.carbon.is.migration.migrator;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.wso2.carbon.is.migration.api.Migrator;
import org.wso2.carbon.is.migration.migrator.claim.ClaimChangesMigrator;
import org.wso2.carbon.is.migration.migrator.claim.ClaimDataMigrator;
import org.wso2.carbon.is.migration.migrator.oauth.IdpIdColumnCheckMigrator;
import org.wso2.carbon.is.migration.migrator.oauth.OAuthDataMigrator;
import org.wso2.carbon.is.migration.migrator.oauth.TokenHashMigrator;
import org.wso2.carbon.is.migration.migrator.oidc.OidcScopeDataMigrator;
import org.wso2.carbon.is.migration.migrator.script.SchemaMigrator;
import org.wso2.carbon.is.migration.migrator.session.SessionExpiryMigrator;

/**
 * The migrators a config may name: the built-ins, and in the server also the {@code Migrator} OSGi services other
 * bundles publish. A name stands for one migrator only.
 */
public final class MigratorRegistry {

    private final Map<String, Migrator> migrators = new LinkedHashMap<>();

    /** The migrators this bundle ships. */
    public static MigratorRegistry builtIn() {
        MigratorRegistry registry = new MigratorRegistry();
        registry.add(new SchemaMigrator());
        registry.add(new SchemaMigrator(SchemaMigrator.UMA_PERMISSION_TICKET_NAME));
        registry.add(new IdpIdColumnCheckMigrator());
        registry.add(new OAuthDataMigrator());
        registry.add(new ClaimDataMigrator());
        registry.add(new ClaimChangesMigrator());
        registry.add(new OidcScopeDataMigrator());
        registry.add(new SessionExpiryMigrator());
        registry.add(new TokenHashMigrator());
        return registry;
    }

    /** @throws IllegalArgumentException when another migrator already has this one's name */
    public MigratorRegistry add(Migrator migrator) {
        Migrator taken = migrators.putIfAbsent(migrator.name(), migrator);
        if (taken != null && taken != migrator) {
            throw new IllegalArgumentException("Two migrators are named '" + migrator.name() + "': "
                    + taken.getClass().getName() + " and " + migrator.getClass().getName());
        }
        return this;
    }

    public MigratorRegistry addAll(Collection<? extends Migrator> more) {
        more.forEach(this::add);
        return this;
    }

    public Optional<Migrator> find(String name) {
        return Optional.ofNullable(migrators.get(name));
    }

    public Set<String> names() {
        return migrators.keySet();
    }
}
