-- IS 5.7.0 -> 5.8.0, identity database, SQL Server, step 1 (tables and columns; the new indexes are step 3).
-- Written from the 5.7.0 -> 5.8.0 release differences in SQL Server's own types (no SQL Server engine runs in this
-- build; the script is checked statically):
--   * the new tables IDN_AUTH_USER and IDN_AUTH_USER_SESSION_MAPPING;
--   * IDP_ID on IDN_OAUTH2_ACCESS_TOKEN, IDN_OAUTH2_ACCESS_TOKEN_AUDIT and IDN_OAUTH2_AUTHORIZATION_CODE, nullable as in
--     the 5.8.0 release (the backfill of existing rows is OAuthDataMigrator's, a later migrator of this version);
--   * the old CON_APP_KEY unique key of IDN_OAUTH2_ACCESS_TOKEN dropped while the catalog shows it without IDP_ID:
--     step 3 adds the 5.8.0 one after OAuthDataMigrator has filled IDP_ID, so that the backfill does not update a
--     wide unique index per row;
--   * CALLBACK_URL widened to VARCHAR(2048) on IDN_OAUTH_CONSUMER_APPS, IDN_OAUTH2_AUTHORIZATION_CODE and
--     IDN_OAUTH1A_REQUEST_TOKEN; IDN_SAML2_ASSERTION_STORE.ASSERTION.
-- Re-runnable: every change is guarded by IF [NOT] EXISTS on sys.objects / sys.columns / sys.key_constraints, and
-- widening a VARCHAR to the length it has changes nothing. Nullable columns say NULL because SQL Server's default
-- depends on session settings. One batch per change, each ended by GO.
-- Online: adding a nullable column and widening a VARCHAR only change metadata.

IF NOT EXISTS (SELECT 1 FROM sys.objects WHERE object_id = OBJECT_ID(N'IDN_AUTH_USER') AND type = N'U')
CREATE TABLE IDN_AUTH_USER (
    USER_ID VARCHAR(255) NOT NULL,
    USER_NAME VARCHAR(255) NOT NULL,
    TENANT_ID INTEGER NOT NULL,
    DOMAIN_NAME VARCHAR(255) NOT NULL,
    IDP_ID INTEGER NOT NULL,
    PRIMARY KEY (USER_ID),
    CONSTRAINT USER_STORE_CONSTRAINT UNIQUE (USER_NAME, TENANT_ID, DOMAIN_NAME, IDP_ID)
)
GO

IF NOT EXISTS (SELECT 1 FROM sys.objects WHERE object_id = OBJECT_ID(N'IDN_AUTH_USER_SESSION_MAPPING') AND type = N'U')
CREATE TABLE IDN_AUTH_USER_SESSION_MAPPING (
    USER_ID VARCHAR(255) NOT NULL,
    SESSION_ID VARCHAR(255) NOT NULL,
    CONSTRAINT USER_SESSION_STORE_CONSTRAINT UNIQUE (USER_ID, SESSION_ID)
)
GO

IF NOT EXISTS (SELECT 1 FROM sys.columns WHERE object_id = OBJECT_ID(N'IDN_OAUTH2_ACCESS_TOKEN') AND name = N'IDP_ID')
ALTER TABLE IDN_OAUTH2_ACCESS_TOKEN ADD IDP_ID INTEGER NULL
GO

IF NOT EXISTS (SELECT 1 FROM sys.columns WHERE object_id = OBJECT_ID(N'IDN_OAUTH2_ACCESS_TOKEN_AUDIT') AND name = N'IDP_ID')
ALTER TABLE IDN_OAUTH2_ACCESS_TOKEN_AUDIT ADD IDP_ID INTEGER NULL
GO

IF NOT EXISTS (SELECT 1 FROM sys.columns WHERE object_id = OBJECT_ID(N'IDN_OAUTH2_AUTHORIZATION_CODE') AND name = N'IDP_ID')
ALTER TABLE IDN_OAUTH2_AUTHORIZATION_CODE ADD IDP_ID INTEGER NULL
GO

IF EXISTS (SELECT 1 FROM sys.key_constraints k WHERE k.parent_object_id = OBJECT_ID(N'IDN_OAUTH2_ACCESS_TOKEN')
        AND k.name = N'CON_APP_KEY'
        AND NOT EXISTS (SELECT 1 FROM sys.index_columns ic
                        JOIN sys.columns c ON c.object_id = ic.object_id AND c.column_id = ic.column_id
                        WHERE ic.object_id = k.parent_object_id AND ic.index_id = k.unique_index_id
                          AND c.name = N'IDP_ID'))
ALTER TABLE IDN_OAUTH2_ACCESS_TOKEN DROP CONSTRAINT CON_APP_KEY
GO

ALTER TABLE IDN_OAUTH_CONSUMER_APPS ALTER COLUMN CALLBACK_URL VARCHAR(2048) NULL
GO

ALTER TABLE IDN_OAUTH2_AUTHORIZATION_CODE ALTER COLUMN CALLBACK_URL VARCHAR(2048) NULL
GO

ALTER TABLE IDN_OAUTH1A_REQUEST_TOKEN ALTER COLUMN CALLBACK_URL VARCHAR(2048) NULL
GO

IF NOT EXISTS (SELECT 1 FROM sys.columns WHERE object_id = OBJECT_ID(N'IDN_SAML2_ASSERTION_STORE') AND name = N'ASSERTION')
ALTER TABLE IDN_SAML2_ASSERTION_STORE ADD ASSERTION VARBINARY(MAX) NULL
GO
