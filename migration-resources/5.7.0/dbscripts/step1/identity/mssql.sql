-- IS 5.6.0 -> 5.7.0, identity database, SQL Server (UMA tables: step2/uma; consent tables: step3/consent). Written
-- from the differences between the 5.6.0 and 5.7.0 fresh-install schemas (identity framework v5.11.256 -> v5.12.153):
--   * the new tables IDN_AUTH_WAIT_STATUS, IDN_OAUTH2_ACCESS_TOKEN_AUDIT, IDN_OIDC_SCOPE, IDN_OIDC_SCOPE_CLAIM_MAPPING,
--     IDN_SAML2_ARTIFACT_STORE and SP_TEMPLATE, with IDX_AT_SI_ECI and IDX_SP_TEMPLATE (the OIDC scopes are moved into
--     IDN_OIDC_SCOPE later, by a data step);
--   * the session-store indexes renamed as 5.7.0 names them (IDX_IDN_AUTH_SESSION_TIME, IDX_IDN_AUTH_TMP_SESSION_TIME):
--     the new one is built before the old one is dropped, so the cleanup queries never lose their index;
--   * the IDN_OAUTH_CONSUMER_APPS expiry defaults 3600 / 84600 (seconds; 5.6.0 declared 3600000 / 84600000). Only the
--     defaults change: the server has always read the stored values as seconds, so no stored value is converted.
--     5.6.0 left these default constraints unnamed (SQL Server named them DF__IDN_OAUTH__...__<random>), so each is
--     found by its column in sys.default_constraints and dropped with dynamic SQL (QUOTENAME), but only where its
--     definition is not the 5.7.0 value already; the 5.7.0 default is then added, unnamed as in a fresh 5.7.0, where
--     the column has none. A second run finds every default at its 5.7.0 value and changes nothing.
-- Every existing row is kept.
-- Re-runnable: each object is created or dropped only as sys.objects / sys.indexes show it missing or present.
-- Nullable columns say NULL because SQL Server's default depends on session settings. One batch per object, GO.

IF NOT EXISTS (SELECT 1 FROM sys.objects WHERE object_id = OBJECT_ID(N'IDN_AUTH_WAIT_STATUS') AND type = N'U')
CREATE TABLE IDN_AUTH_WAIT_STATUS (
    ID INTEGER IDENTITY NOT NULL,
    TENANT_ID INTEGER NOT NULL,
    LONG_WAIT_KEY VARCHAR(255) NOT NULL,
    WAIT_STATUS CHAR(1) DEFAULT '1' NOT NULL,
    TIME_CREATED DATETIME DEFAULT 0 NULL,
    EXPIRE_TIME DATETIME DEFAULT 0 NULL,
    PRIMARY KEY (ID),
    CONSTRAINT IDN_AUTH_WAIT_STATUS_KEY UNIQUE (LONG_WAIT_KEY)
)
GO

IF NOT EXISTS (SELECT 1 FROM sys.objects WHERE object_id = OBJECT_ID(N'IDN_OAUTH2_ACCESS_TOKEN_AUDIT') AND type = N'U')
CREATE TABLE IDN_OAUTH2_ACCESS_TOKEN_AUDIT (
    TOKEN_ID VARCHAR(255) NULL,
    ACCESS_TOKEN VARCHAR(2048) NULL,
    REFRESH_TOKEN VARCHAR(2048) NULL,
    CONSUMER_KEY_ID INTEGER NULL,
    AUTHZ_USER VARCHAR(100) NULL,
    TENANT_ID INTEGER NULL,
    USER_DOMAIN VARCHAR(50) NULL,
    USER_TYPE VARCHAR(25) NULL,
    GRANT_TYPE VARCHAR(50) NULL,
    TIME_CREATED DATETIME NULL,
    REFRESH_TOKEN_TIME_CREATED DATETIME NULL,
    VALIDITY_PERIOD BIGINT NULL,
    REFRESH_TOKEN_VALIDITY_PERIOD BIGINT NULL,
    TOKEN_SCOPE_HASH VARCHAR(32) NULL,
    TOKEN_STATE VARCHAR(25) NULL,
    TOKEN_STATE_ID VARCHAR(128) NULL,
    SUBJECT_IDENTIFIER VARCHAR(255) NULL,
    ACCESS_TOKEN_HASH VARCHAR(512) NULL,
    REFRESH_TOKEN_HASH VARCHAR(512) NULL,
    INVALIDATED_TIME DATETIME NULL
)
GO

IF NOT EXISTS (SELECT 1 FROM sys.objects WHERE object_id = OBJECT_ID(N'IDN_OIDC_SCOPE') AND type = N'U')
CREATE TABLE IDN_OIDC_SCOPE (
    ID INTEGER IDENTITY NOT NULL,
    NAME VARCHAR(255) NOT NULL,
    TENANT_ID INTEGER DEFAULT -1 NULL,
    PRIMARY KEY (ID)
)
GO

IF NOT EXISTS (SELECT 1 FROM sys.objects WHERE object_id = OBJECT_ID(N'IDN_OIDC_SCOPE_CLAIM_MAPPING') AND type = N'U')
CREATE TABLE IDN_OIDC_SCOPE_CLAIM_MAPPING (
    ID INTEGER IDENTITY NOT NULL,
    SCOPE_ID INTEGER NULL,
    EXTERNAL_CLAIM_ID INTEGER NULL,
    PRIMARY KEY (ID),
    FOREIGN KEY (SCOPE_ID) REFERENCES IDN_OIDC_SCOPE (ID) ON DELETE CASCADE,
    FOREIGN KEY (EXTERNAL_CLAIM_ID) REFERENCES IDN_CLAIM (ID) ON DELETE CASCADE
)
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE object_id = OBJECT_ID(N'IDN_OIDC_SCOPE_CLAIM_MAPPING') AND name = N'IDX_AT_SI_ECI')
CREATE INDEX IDX_AT_SI_ECI ON IDN_OIDC_SCOPE_CLAIM_MAPPING (SCOPE_ID, EXTERNAL_CLAIM_ID)
GO

IF NOT EXISTS (SELECT 1 FROM sys.objects WHERE object_id = OBJECT_ID(N'IDN_SAML2_ARTIFACT_STORE') AND type = N'U')
CREATE TABLE IDN_SAML2_ARTIFACT_STORE (
    ID INTEGER IDENTITY NOT NULL,
    SOURCE_ID VARCHAR(255) NOT NULL,
    MESSAGE_HANDLER VARCHAR(255) NOT NULL,
    AUTHN_REQ_DTO VARBINARY(MAX) NOT NULL,
    SESSION_ID VARCHAR(255) NOT NULL,
    EXP_TIMESTAMP DATETIME NOT NULL,
    INIT_TIMESTAMP DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL,
    ASSERTION_ID VARCHAR(255) NULL,
    PRIMARY KEY (ID)
)
GO

IF NOT EXISTS (SELECT 1 FROM sys.objects WHERE object_id = OBJECT_ID(N'SP_TEMPLATE') AND type = N'U')
CREATE TABLE SP_TEMPLATE (
    ID INTEGER IDENTITY NOT NULL,
    TENANT_ID INTEGER NOT NULL,
    NAME VARCHAR(255) NOT NULL,
    DESCRIPTION VARCHAR(1023) NULL,
    CONTENT VARBINARY(MAX) DEFAULT NULL NULL,
    PRIMARY KEY (ID),
    CONSTRAINT SP_TEMPLATE_CONSTRAINT UNIQUE (TENANT_ID, NAME)
)
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE object_id = OBJECT_ID(N'SP_TEMPLATE') AND name = N'IDX_SP_TEMPLATE')
CREATE INDEX IDX_SP_TEMPLATE ON SP_TEMPLATE (TENANT_ID, NAME)
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE object_id = OBJECT_ID(N'IDN_AUTH_SESSION_STORE') AND name = N'IDX_IDN_AUTH_SESSION_TIME')
CREATE INDEX IDX_IDN_AUTH_SESSION_TIME ON IDN_AUTH_SESSION_STORE (TIME_CREATED)
GO

IF EXISTS (SELECT 1 FROM sys.indexes WHERE object_id = OBJECT_ID(N'IDN_AUTH_SESSION_STORE') AND name = N'IDX_IDN_AUTH_SESSION_STORE_TIME')
DROP INDEX IDX_IDN_AUTH_SESSION_STORE_TIME ON IDN_AUTH_SESSION_STORE
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE object_id = OBJECT_ID(N'IDN_AUTH_TEMP_SESSION_STORE') AND name = N'IDX_IDN_AUTH_TMP_SESSION_TIME')
CREATE INDEX IDX_IDN_AUTH_TMP_SESSION_TIME ON IDN_AUTH_TEMP_SESSION_STORE (TIME_CREATED)
GO

IF EXISTS (SELECT 1 FROM sys.indexes WHERE object_id = OBJECT_ID(N'IDN_AUTH_TEMP_SESSION_STORE') AND name = N'IDX_IDN_AUTH_TEMP_SESSION_STORE_TIME')
DROP INDEX IDX_IDN_AUTH_TEMP_SESSION_STORE_TIME ON IDN_AUTH_TEMP_SESSION_STORE
GO

DECLARE @name SYSNAME, @drop NVARCHAR(400);
SELECT @name = d.name FROM sys.default_constraints d
    JOIN sys.columns c ON c.object_id = d.parent_object_id AND c.column_id = d.parent_column_id
    WHERE d.parent_object_id = OBJECT_ID(N'IDN_OAUTH_CONSUMER_APPS') AND c.name = N'USER_ACCESS_TOKEN_EXPIRE_TIME'
    AND REPLACE(REPLACE(d.definition, N'(', N''), N')', N'') <> N'3600';
IF @name IS NOT NULL
BEGIN
    SET @drop = N'ALTER TABLE IDN_OAUTH_CONSUMER_APPS DROP CONSTRAINT ' + QUOTENAME(@name);
    EXEC sp_executesql @drop;
END
GO

IF NOT EXISTS (SELECT 1 FROM sys.default_constraints d
    JOIN sys.columns c ON c.object_id = d.parent_object_id AND c.column_id = d.parent_column_id
    WHERE d.parent_object_id = OBJECT_ID(N'IDN_OAUTH_CONSUMER_APPS') AND c.name = N'USER_ACCESS_TOKEN_EXPIRE_TIME')
ALTER TABLE IDN_OAUTH_CONSUMER_APPS ADD DEFAULT 3600 FOR USER_ACCESS_TOKEN_EXPIRE_TIME
GO

DECLARE @name SYSNAME, @drop NVARCHAR(400);
SELECT @name = d.name FROM sys.default_constraints d
    JOIN sys.columns c ON c.object_id = d.parent_object_id AND c.column_id = d.parent_column_id
    WHERE d.parent_object_id = OBJECT_ID(N'IDN_OAUTH_CONSUMER_APPS') AND c.name = N'APP_ACCESS_TOKEN_EXPIRE_TIME'
    AND REPLACE(REPLACE(d.definition, N'(', N''), N')', N'') <> N'3600';
IF @name IS NOT NULL
BEGIN
    SET @drop = N'ALTER TABLE IDN_OAUTH_CONSUMER_APPS DROP CONSTRAINT ' + QUOTENAME(@name);
    EXEC sp_executesql @drop;
END
GO

IF NOT EXISTS (SELECT 1 FROM sys.default_constraints d
    JOIN sys.columns c ON c.object_id = d.parent_object_id AND c.column_id = d.parent_column_id
    WHERE d.parent_object_id = OBJECT_ID(N'IDN_OAUTH_CONSUMER_APPS') AND c.name = N'APP_ACCESS_TOKEN_EXPIRE_TIME')
ALTER TABLE IDN_OAUTH_CONSUMER_APPS ADD DEFAULT 3600 FOR APP_ACCESS_TOKEN_EXPIRE_TIME
GO

DECLARE @name SYSNAME, @drop NVARCHAR(400);
SELECT @name = d.name FROM sys.default_constraints d
    JOIN sys.columns c ON c.object_id = d.parent_object_id AND c.column_id = d.parent_column_id
    WHERE d.parent_object_id = OBJECT_ID(N'IDN_OAUTH_CONSUMER_APPS') AND c.name = N'REFRESH_TOKEN_EXPIRE_TIME'
    AND REPLACE(REPLACE(d.definition, N'(', N''), N')', N'') <> N'84600';
IF @name IS NOT NULL
BEGIN
    SET @drop = N'ALTER TABLE IDN_OAUTH_CONSUMER_APPS DROP CONSTRAINT ' + QUOTENAME(@name);
    EXEC sp_executesql @drop;
END
GO

IF NOT EXISTS (SELECT 1 FROM sys.default_constraints d
    JOIN sys.columns c ON c.object_id = d.parent_object_id AND c.column_id = d.parent_column_id
    WHERE d.parent_object_id = OBJECT_ID(N'IDN_OAUTH_CONSUMER_APPS') AND c.name = N'REFRESH_TOKEN_EXPIRE_TIME')
ALTER TABLE IDN_OAUTH_CONSUMER_APPS ADD DEFAULT 84600 FOR REFRESH_TOKEN_EXPIRE_TIME
GO

DECLARE @name SYSNAME, @drop NVARCHAR(400);
SELECT @name = d.name FROM sys.default_constraints d
    JOIN sys.columns c ON c.object_id = d.parent_object_id AND c.column_id = d.parent_column_id
    WHERE d.parent_object_id = OBJECT_ID(N'IDN_OAUTH_CONSUMER_APPS') AND c.name = N'ID_TOKEN_EXPIRE_TIME'
    AND REPLACE(REPLACE(d.definition, N'(', N''), N')', N'') <> N'3600';
IF @name IS NOT NULL
BEGIN
    SET @drop = N'ALTER TABLE IDN_OAUTH_CONSUMER_APPS DROP CONSTRAINT ' + QUOTENAME(@name);
    EXEC sp_executesql @drop;
END
GO

IF NOT EXISTS (SELECT 1 FROM sys.default_constraints d
    JOIN sys.columns c ON c.object_id = d.parent_object_id AND c.column_id = d.parent_column_id
    WHERE d.parent_object_id = OBJECT_ID(N'IDN_OAUTH_CONSUMER_APPS') AND c.name = N'ID_TOKEN_EXPIRE_TIME')
ALTER TABLE IDN_OAUTH_CONSUMER_APPS ADD DEFAULT 3600 FOR ID_TOKEN_EXPIRE_TIME
GO
