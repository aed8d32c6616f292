-- IS 5.6.0 -> 5.7.0, UMA tables, SQL Server: identity-oauth-uma v1.0.14 (5.7.0) names the six UMA tables IDN_UMA_*.
-- They are renamed here with every row (the old client created empty IDN_UMA_* tables and left the old ones behind);
-- foreign keys, indexes and generated keys follow the rename. Besides the names, 5.7.0 changes:
--   * IDN_UMA_PERMISSION_TICKET: VALIDITY_PERIOD (milliseconds, BIGINT, uma v1.0.4) is replaced by EXPIRY_TIME
--     (TIMESTAMP NOT NULL, uma v1.0.14): each ticket's EXPIRY_TIME = its TIME_CREATED + its VALIDITY_PERIOD, or + 3600000
--     ms (v1.0.4's default validity) where VALIDITY_PERIOD is NULL;
--   * the index IDX_USER (RESOURCE_OWNER_NAME, USER_DOMAIN) on IDN_UMA_RESOURCE.
-- EXPIRY_TIME is the table's last column here (this engine cannot insert a column between others without
-- rebuilding the table); the server names every column it reads, so the order does not matter to it.
-- Re-runnable: each rename, column and index change runs only as sys.objects / sys.columns / sys.indexes show it
-- needed. VALIDITY_PERIOD is added back empty before the conversion so that a second run converts nothing.

IF EXISTS (SELECT 1 FROM sys.objects WHERE object_id = OBJECT_ID(N'IDN_RESOURCE') AND type = N'U')
EXEC sp_rename N'IDN_RESOURCE', N'IDN_UMA_RESOURCE'
GO

IF EXISTS (SELECT 1 FROM sys.objects WHERE object_id = OBJECT_ID(N'IDN_RESOURCE_META_DATA') AND type = N'U')
EXEC sp_rename N'IDN_RESOURCE_META_DATA', N'IDN_UMA_RESOURCE_META_DATA'
GO

IF EXISTS (SELECT 1 FROM sys.objects WHERE object_id = OBJECT_ID(N'IDN_RESOURCE_SCOPE') AND type = N'U')
EXEC sp_rename N'IDN_RESOURCE_SCOPE', N'IDN_UMA_RESOURCE_SCOPE'
GO

IF EXISTS (SELECT 1 FROM sys.objects WHERE object_id = OBJECT_ID(N'IDN_PERMISSION_TICKET') AND type = N'U')
EXEC sp_rename N'IDN_PERMISSION_TICKET', N'IDN_UMA_PERMISSION_TICKET'
GO

IF EXISTS (SELECT 1 FROM sys.objects WHERE object_id = OBJECT_ID(N'IDN_PT_RESOURCE') AND type = N'U')
EXEC sp_rename N'IDN_PT_RESOURCE', N'IDN_UMA_PT_RESOURCE'
GO

IF EXISTS (SELECT 1 FROM sys.objects WHERE object_id = OBJECT_ID(N'IDN_PT_RESOURCE_SCOPE') AND type = N'U')
EXEC sp_rename N'IDN_PT_RESOURCE_SCOPE', N'IDN_UMA_PT_RESOURCE_SCOPE'
GO

IF NOT EXISTS (SELECT 1 FROM sys.columns WHERE object_id = OBJECT_ID(N'IDN_UMA_PERMISSION_TICKET') AND name = N'EXPIRY_TIME')
ALTER TABLE IDN_UMA_PERMISSION_TICKET ADD EXPIRY_TIME DATETIME NULL
GO

IF NOT EXISTS (SELECT 1 FROM sys.columns WHERE object_id = OBJECT_ID(N'IDN_UMA_PERMISSION_TICKET') AND name = N'VALIDITY_PERIOD')
ALTER TABLE IDN_UMA_PERMISSION_TICKET ADD VALIDITY_PERIOD BIGINT NULL
GO

UPDATE IDN_UMA_PERMISSION_TICKET SET EXPIRY_TIME = DATEADD(SECOND, COALESCE(VALIDITY_PERIOD, 3600000) / 1000, DATEADD(MILLISECOND, COALESCE(VALIDITY_PERIOD, 3600000) % 1000, TIME_CREATED)) WHERE EXPIRY_TIME IS NULL
GO

IF EXISTS (SELECT 1 FROM sys.columns WHERE object_id = OBJECT_ID(N'IDN_UMA_PERMISSION_TICKET') AND name = N'EXPIRY_TIME' AND is_nullable = 1)
ALTER TABLE IDN_UMA_PERMISSION_TICKET ALTER COLUMN EXPIRY_TIME DATETIME NOT NULL
GO

IF EXISTS (SELECT 1 FROM sys.columns WHERE object_id = OBJECT_ID(N'IDN_UMA_PERMISSION_TICKET') AND name = N'VALIDITY_PERIOD')
ALTER TABLE IDN_UMA_PERMISSION_TICKET DROP COLUMN VALIDITY_PERIOD
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE object_id = OBJECT_ID(N'IDN_UMA_RESOURCE') AND name = N'IDX_USER')
CREATE INDEX IDX_USER ON IDN_UMA_RESOURCE (RESOURCE_OWNER_NAME, USER_DOMAIN)
GO
