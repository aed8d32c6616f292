-- IS 5.8.0 -> 5.9.0, shared (registry) database, Microsoft SQL Server: what carbon-kernel 4.5.1 changed in REG_*
-- tables, which is only the constraint UNIQUE_REG_PATH_TENANT_ID: a path appears once per tenant.
-- preconditions.yaml beside this script stops the run first if a path appears twice in one tenant.
-- Re-runnable: guarded by a catalog check in sys.key_constraints.
-- Not online: ADD CONSTRAINT builds its index offline, blocking REG_PATH meanwhile (Enterprise Edition could build
-- it with CREATE UNIQUE INDEX ... WITH (ONLINE = ON) instead, at the cost of an index where 5.9.0 has a constraint).

IF NOT EXISTS (SELECT 1 FROM sys.key_constraints WHERE name = N'UNIQUE_REG_PATH_TENANT_ID' AND parent_object_id = OBJECT_ID(N'REG_PATH'))
    ALTER TABLE REG_PATH ADD CONSTRAINT UNIQUE_REG_PATH_TENANT_ID UNIQUE (REG_PATH_VALUE, REG_TENANT_ID);
GO
