-- IS 5.8.0 -> 5.9.0, shared (user-management) database, PostgreSQL: what carbon-kernel 4.5.1 changed in UM_*
-- tables. UM_DOMAIN.UM_DOMAIN_NAME, UM_HYBRID_ROLE.UM_ROLE_NAME and UM_SYSTEM_ROLE.UM_ROLE_NAME become NOT NULL and
-- unique per tenant, and UM_HYBRID_ROLE gets the index UM_ROLE_NAME_IND.
-- preconditions.yaml beside this script stops the run first if a name is NULL or appears twice in one tenant.
-- The release leaves the UNIQUE constraints unnamed; PostgreSQL then names them <table>_<columns>_key. They are
-- given exactly those names here, so a migrated database is the same as a fresh 5.9.0 one, names included.
-- Re-runnable: SET NOT NULL on a NOT NULL column and CREATE INDEX IF NOT EXISTS change nothing; PostgreSQL has no
-- ADD CONSTRAINT IF NOT EXISTS, so each constraint is added in a DO block that first looks for it in the catalog.
-- Not online: SET NOT NULL scans the table and ADD UNIQUE builds an index, both under an ACCESS EXCLUSIVE lock, and
-- CREATE INDEX blocks writes while it runs (CONCURRENTLY cannot run inside the migration's transaction). The UM_
-- tables hold one row per role or domain, so this takes moments.

ALTER TABLE UM_DOMAIN ALTER COLUMN UM_DOMAIN_NAME SET NOT NULL;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM information_schema.table_constraints WHERE table_schema = current_schema()
            AND table_name = 'um_domain' AND constraint_name = 'um_domain_um_domain_name_um_tenant_id_key') THEN
        ALTER TABLE UM_DOMAIN ADD CONSTRAINT um_domain_um_domain_name_um_tenant_id_key
            UNIQUE (UM_DOMAIN_NAME, UM_TENANT_ID);
    END IF;
END $$;

ALTER TABLE UM_HYBRID_ROLE ALTER COLUMN UM_ROLE_NAME SET NOT NULL;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM information_schema.table_constraints WHERE table_schema = current_schema()
            AND table_name = 'um_hybrid_role' AND constraint_name = 'um_hybrid_role_um_role_name_um_tenant_id_key') THEN
        ALTER TABLE UM_HYBRID_ROLE ADD CONSTRAINT um_hybrid_role_um_role_name_um_tenant_id_key
            UNIQUE (UM_ROLE_NAME, UM_TENANT_ID);
    END IF;
END $$;
CREATE INDEX IF NOT EXISTS UM_ROLE_NAME_IND ON UM_HYBRID_ROLE (UM_ROLE_NAME);

ALTER TABLE UM_SYSTEM_ROLE ALTER COLUMN UM_ROLE_NAME SET NOT NULL;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM information_schema.table_constraints WHERE table_schema = current_schema()
            AND table_name = 'um_system_role' AND constraint_name = 'um_system_role_um_role_name_um_tenant_id_key') THEN
        ALTER TABLE UM_SYSTEM_ROLE ADD CONSTRAINT um_system_role_um_role_name_um_tenant_id_key
            UNIQUE (UM_ROLE_NAME, UM_TENANT_ID);
    END IF;
END $$;
