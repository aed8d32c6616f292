-- IS 5.8.0 -> 5.9.0, shared (registry) database, PostgreSQL: what carbon-kernel 4.5.1 changed in REG_* tables,
-- which is only the constraint UNIQUE_REG_PATH_TENANT_ID: a path appears once per tenant.
-- preconditions.yaml beside this script stops the run first if a path appears twice in one tenant.
-- Re-runnable: PostgreSQL has no ADD CONSTRAINT IF NOT EXISTS, so a DO block first looks for it in the catalog
-- (unquoted names are stored in lower case).
-- Not online: ADD UNIQUE builds its index under an ACCESS EXCLUSIVE lock on REG_PATH, which blocks the registry for
-- as long as the build takes (seconds for a few hundred thousand paths).

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM information_schema.table_constraints WHERE table_schema = current_schema()
            AND table_name = 'reg_path' AND constraint_name = 'unique_reg_path_tenant_id') THEN
        ALTER TABLE REG_PATH ADD CONSTRAINT UNIQUE_REG_PATH_TENANT_ID UNIQUE (REG_PATH_VALUE, REG_TENANT_ID);
    END IF;
END $$;
