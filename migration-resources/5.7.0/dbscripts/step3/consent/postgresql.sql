-- IS 5.6.0 -> 5.7.0, consent tables, PostgreSQL: consent management v2 (5.7.0) groups purposes.
--   * CM_PURPOSE gains PURPOSE_GROUP and GROUP_TYPE (NOT NULL), and its unique key (NAME, TENANT_ID) becomes
--     (NAME, TENANT_ID, PURPOSE_GROUP, GROUP_TYPE). Existing purposes get the values 5.7.0 gives them: the 'DEFAULT'
--     purpose ('DEFAULT', 'SP'), as 5.7.0's own seed row; every other purpose, which 5.6.0 could only create for self
--     sign-up, ('SIGNUP', 'SYSTEM'), the group and type 5.7.0 lists self sign-up purposes under (the same values the
--     existing client's 5.7.0 consent script writes).
--   * CM_PURPOSE_PII_CAT_ASSOC gains IS_MANDATORY (NOT NULL, no default); 5.6.0 had no optional PII categories, so
--     every existing association is mandatory (1).
-- TENANT_ID is moved behind the new columns as in 5.7.0 (added again at the end with its values and default).
-- Re-runnable: columns are added only where missing and filled only where NULL; the key is replaced only while it
-- lacks PURPOSE_GROUP.

ALTER TABLE CM_PURPOSE_PII_CAT_ASSOC ADD COLUMN IF NOT EXISTS IS_MANDATORY INTEGER;
UPDATE CM_PURPOSE_PII_CAT_ASSOC SET IS_MANDATORY = 1 WHERE IS_MANDATORY IS NULL;
ALTER TABLE CM_PURPOSE_PII_CAT_ASSOC ALTER COLUMN IS_MANDATORY SET NOT NULL;

DO $$
BEGIN
    ALTER TABLE CM_PURPOSE ADD COLUMN IF NOT EXISTS PURPOSE_GROUP VARCHAR(255);
    ALTER TABLE CM_PURPOSE ADD COLUMN IF NOT EXISTS GROUP_TYPE VARCHAR(255);
    UPDATE CM_PURPOSE SET PURPOSE_GROUP = CASE WHEN NAME = 'DEFAULT' THEN 'DEFAULT' ELSE 'SIGNUP' END, GROUP_TYPE = CASE WHEN NAME = 'DEFAULT' THEN 'SP' ELSE 'SYSTEM' END
        WHERE PURPOSE_GROUP IS NULL OR GROUP_TYPE IS NULL;
    IF EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema()
            AND table_name = 'cm_purpose' AND column_name = 'purpose_group' AND is_nullable = 'YES') THEN
        ALTER TABLE CM_PURPOSE ALTER COLUMN PURPOSE_GROUP SET NOT NULL;
        ALTER TABLE CM_PURPOSE ALTER COLUMN GROUP_TYPE SET NOT NULL;
        ALTER TABLE CM_PURPOSE DROP CONSTRAINT IF EXISTS CM_PURPOSE_CNT;
        ALTER TABLE CM_PURPOSE RENAME COLUMN TENANT_ID TO TENANT_ID_560;
        ALTER TABLE CM_PURPOSE ADD COLUMN TENANT_ID INTEGER DEFAULT '-1234';
        UPDATE CM_PURPOSE SET TENANT_ID = TENANT_ID_560;
        ALTER TABLE CM_PURPOSE DROP COLUMN TENANT_ID_560;
        ALTER TABLE CM_PURPOSE ADD CONSTRAINT CM_PURPOSE_CNT UNIQUE (NAME, TENANT_ID, PURPOSE_GROUP, GROUP_TYPE);
    END IF;
END $$;
