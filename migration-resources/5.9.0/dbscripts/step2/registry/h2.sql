-- IS 5.8.0 -> 5.9.0, shared (registry) database, H2: what carbon-kernel 4.5.1 changed in REG_* tables, which is
-- only the constraint UNIQUE_REG_PATH_TENANT_ID: a path appears once per tenant.
-- preconditions.yaml beside this script stops the run first if a path appears twice in one tenant.
-- Re-runnable: IF NOT EXISTS.

ALTER TABLE REG_PATH ADD CONSTRAINT IF NOT EXISTS UNIQUE_REG_PATH_TENANT_ID UNIQUE (REG_PATH_VALUE, REG_TENANT_ID);
