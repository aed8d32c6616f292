-- IS 5.6.0 -> 5.7.0, consent tables, SQL Server: consent management v2 (5.7.0) groups purposes.
--   * CM_PURPOSE gains PURPOSE_GROUP and GROUP_TYPE (NOT NULL), and its unique key (NAME, TENANT_ID) becomes
--     (NAME, TENANT_ID, PURPOSE_GROUP, GROUP_TYPE). Existing purposes get the values 5.7.0 gives them: the 'DEFAULT'
--     purpose ('DEFAULT', 'SP'), as 5.7.0's own seed row; every other purpose, which 5.6.0 could only create for self
--     sign-up, ('SIGNUP', 'SYSTEM'), the group and type 5.7.0 lists self sign-up purposes under (the same values the
--     existing client's 5.7.0 consent script writes).
--   * CM_PURPOSE_PII_CAT_ASSOC gains IS_MANDATORY (NOT NULL, no default); 5.6.0 had no optional PII categories, so
--     every existing association is mandatory (1).
-- The new columns are the tables' last ones here (this engine cannot insert a column between others without
-- rebuilding the table); the server names every column it reads, so the order does not matter to it.
-- Re-runnable: columns are added only where missing and filled only where NULL; the key is replaced only while it
-- lacks PURPOSE_GROUP.

IF NOT EXISTS (SELECT 1 FROM sys.columns WHERE object_id = OBJECT_ID(N'CM_PURPOSE') AND name = N'PURPOSE_GROUP')
ALTER TABLE CM_PURPOSE ADD PURPOSE_GROUP VARCHAR(255) NULL
GO

IF NOT EXISTS (SELECT 1 FROM sys.columns WHERE object_id = OBJECT_ID(N'CM_PURPOSE') AND name = N'GROUP_TYPE')
ALTER TABLE CM_PURPOSE ADD GROUP_TYPE VARCHAR(255) NULL
GO

UPDATE CM_PURPOSE SET PURPOSE_GROUP = CASE WHEN NAME = 'DEFAULT' THEN 'DEFAULT' ELSE 'SIGNUP' END, GROUP_TYPE = CASE WHEN NAME = 'DEFAULT' THEN 'SP' ELSE 'SYSTEM' END
    WHERE PURPOSE_GROUP IS NULL OR GROUP_TYPE IS NULL
GO

IF EXISTS (SELECT 1 FROM sys.columns WHERE object_id = OBJECT_ID(N'CM_PURPOSE') AND name = N'PURPOSE_GROUP' AND is_nullable = 1)
ALTER TABLE CM_PURPOSE ALTER COLUMN PURPOSE_GROUP VARCHAR(255) NOT NULL
GO

IF EXISTS (SELECT 1 FROM sys.columns WHERE object_id = OBJECT_ID(N'CM_PURPOSE') AND name = N'GROUP_TYPE' AND is_nullable = 1)
ALTER TABLE CM_PURPOSE ALTER COLUMN GROUP_TYPE VARCHAR(255) NOT NULL
GO

IF NOT EXISTS (SELECT 1 FROM sys.key_constraints k JOIN sys.index_columns ic ON ic.object_id = k.parent_object_id
        AND ic.index_id = k.unique_index_id JOIN sys.columns c ON c.object_id = ic.object_id AND c.column_id = ic.column_id
        WHERE k.parent_object_id = OBJECT_ID(N'CM_PURPOSE') AND k.name = N'CM_PURPOSE_CNT' AND c.name = N'PURPOSE_GROUP')
ALTER TABLE CM_PURPOSE DROP CONSTRAINT CM_PURPOSE_CNT
GO

IF NOT EXISTS (SELECT 1 FROM sys.key_constraints WHERE parent_object_id = OBJECT_ID(N'CM_PURPOSE') AND name = N'CM_PURPOSE_CNT')
ALTER TABLE CM_PURPOSE ADD CONSTRAINT CM_PURPOSE_CNT UNIQUE (NAME, TENANT_ID, PURPOSE_GROUP, GROUP_TYPE)
GO

IF NOT EXISTS (SELECT 1 FROM sys.columns WHERE object_id = OBJECT_ID(N'CM_PURPOSE_PII_CAT_ASSOC') AND name = N'IS_MANDATORY')
ALTER TABLE CM_PURPOSE_PII_CAT_ASSOC ADD IS_MANDATORY INTEGER NULL
GO

UPDATE CM_PURPOSE_PII_CAT_ASSOC SET IS_MANDATORY = 1 WHERE IS_MANDATORY IS NULL
GO

IF EXISTS (SELECT 1 FROM sys.columns WHERE object_id = OBJECT_ID(N'CM_PURPOSE_PII_CAT_ASSOC') AND name = N'IS_MANDATORY' AND is_nullable = 1)
ALTER TABLE CM_PURPOSE_PII_CAT_ASSOC ALTER COLUMN IS_MANDATORY INTEGER NOT NULL
GO
