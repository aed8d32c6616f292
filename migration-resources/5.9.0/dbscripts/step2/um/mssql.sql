-- IS 5.8.0 -> 5.9.0, shared (user-management) database, Microsoft SQL Server: what carbon-kernel 4.5.1 changed in
-- UM_* tables. UM_DOMAIN.UM_DOMAIN_NAME, UM_HYBRID_ROLE.UM_ROLE_NAME and UM_SYSTEM_ROLE.UM_ROLE_NAME become NOT NULL
-- and unique per tenant, and UM_HYBRID_ROLE gets the index UM_ROLE_NAME_IND.
-- preconditions.yaml beside this script stops the run first if a name is NULL or appears twice in one tenant.
-- The release leaves the UNIQUE constraints unnamed (SQL Server generates UQ__<table>__<hash>); here they are named
-- UC_<table>, the names the official migration client chose, so that a re-run can recognise them.
-- Re-runnable: every statement is guarded by a catalog check (sys.columns, sys.key_constraints, sys.indexes).
-- ALTER COLUMN repeats the column's type from the kernel script (VARCHAR(255)); NOT NULL must come before the
-- UNIQUE constraint, which SQL Server would otherwise not let ALTER COLUMN change.
-- Not online: ALTER COLUMN ... NOT NULL scans the table under a schema-modification lock, and ADD CONSTRAINT builds
-- its index offline; the UM_ tables hold one row per role or domain, so this takes moments.

IF EXISTS (SELECT 1 FROM sys.columns WHERE object_id = OBJECT_ID(N'UM_DOMAIN') AND name = N'UM_DOMAIN_NAME' AND is_nullable = 1)
    ALTER TABLE UM_DOMAIN ALTER COLUMN UM_DOMAIN_NAME VARCHAR(255) NOT NULL;
GO
IF NOT EXISTS (SELECT 1 FROM sys.key_constraints WHERE name = N'UC_UM_DOMAIN' AND parent_object_id = OBJECT_ID(N'UM_DOMAIN'))
    ALTER TABLE UM_DOMAIN ADD CONSTRAINT UC_UM_DOMAIN UNIQUE (UM_DOMAIN_NAME, UM_TENANT_ID);
GO

IF EXISTS (SELECT 1 FROM sys.columns WHERE object_id = OBJECT_ID(N'UM_HYBRID_ROLE') AND name = N'UM_ROLE_NAME' AND is_nullable = 1)
    ALTER TABLE UM_HYBRID_ROLE ALTER COLUMN UM_ROLE_NAME VARCHAR(255) NOT NULL;
GO
IF NOT EXISTS (SELECT 1 FROM sys.key_constraints WHERE name = N'UC_UM_HYBRID_ROLE' AND parent_object_id = OBJECT_ID(N'UM_HYBRID_ROLE'))
    ALTER TABLE UM_HYBRID_ROLE ADD CONSTRAINT UC_UM_HYBRID_ROLE UNIQUE (UM_ROLE_NAME, UM_TENANT_ID);
GO
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'UM_ROLE_NAME_IND' AND object_id = OBJECT_ID(N'UM_HYBRID_ROLE'))
    CREATE INDEX UM_ROLE_NAME_IND ON UM_HYBRID_ROLE (UM_ROLE_NAME);
GO

IF EXISTS (SELECT 1 FROM sys.columns WHERE object_id = OBJECT_ID(N'UM_SYSTEM_ROLE') AND name = N'UM_ROLE_NAME' AND is_nullable = 1)
    ALTER TABLE UM_SYSTEM_ROLE ALTER COLUMN UM_ROLE_NAME VARCHAR(255) NOT NULL;
GO
IF NOT EXISTS (SELECT 1 FROM sys.key_constraints WHERE name = N'UC_UM_SYSTEM_ROLE' AND parent_object_id = OBJECT_ID(N'UM_SYSTEM_ROLE'))
    ALTER TABLE UM_SYSTEM_ROLE ADD CONSTRAINT UC_UM_SYSTEM_ROLE UNIQUE (UM_ROLE_NAME, UM_TENANT_ID);
GO
