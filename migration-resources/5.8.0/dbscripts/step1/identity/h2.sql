-- IS 5.7.0 -> 5.8.0, identity database, H2, step 1 (tables and columns; the new indexes are step 3).
-- Brings a 5.7.0 database to the 5.8.0 fresh-install definitions:
--   * the new tables IDN_AUTH_USER and IDN_AUTH_USER_SESSION_MAPPING;
--   * IDP_ID on IDN_OAUTH2_ACCESS_TOKEN, IDN_OAUTH2_ACCESS_TOKEN_AUDIT and IDN_OAUTH2_AUTHORIZATION_CODE, nullable as in
--     the 5.8.0 release (the backfill of existing rows is OAuthDataMigrator's, a later migrator of this version);
--   * the old CON_APP_KEY unique key of IDN_OAUTH2_ACCESS_TOKEN dropped: step 3 adds the 5.8.0 one (with IDP_ID)
--     after OAuthDataMigrator has filled IDP_ID, so that the backfill does not update a wide unique index per row;
--   * the four 5.7.0 indexes of IDN_OAUTH2_ACCESS_TOKEN and the two of IDN_OAUTH2_AUTHORIZATION_CODE dropped (5.8.0
--     has them unchanged; step 3 builds them again): H2 rewrites every index entry of a row it updates, so the
--     backfill is slower with them (see docs/benchmark.md). They go first, before the ADD COLUMNs, which copy the
--     table and its indexes on H2. (The primary and foreign keys, whose names H2 generated, are set aside by
--     OAuthDataMigrator itself.)
--   * CALLBACK_URL widened to VARCHAR(2048) on IDN_OAUTH_CONSUMER_APPS, IDN_OAUTH2_AUTHORIZATION_CODE and
--     IDN_OAUTH1A_REQUEST_TOKEN; IDN_SAML2_ASSERTION_STORE.ASSERTION;
--   * the H2-only changes: FIDO_DEVICE_STORE.DEVICE_DATA LONGVARCHAR -> VARCHAR(2048), IDN_STS_STORE.TOKEN_CONTENT
--     BLOB -> BLOB(1024), WF_BPS_PROFILE.CALLBACK_USERNAME / CALLBACK_PASSWORD (placed before TENANT_ID, as in 5.8.0).
--     The two narrowings fail on rows that do not fit; preconditions.yaml lists such rows before this step runs.
-- Re-runnable: tables and columns are IF NOT EXISTS; a type change to the type a column already has keeps its data.
-- H2 has no procedural SQL to look at the catalog first, so CON_APP_KEY is dropped IF EXISTS on every run (step 3
-- adds it back whatever shape it had).
-- Works on H2 1.4.199 (the engine IS 5.8.0 ships) and H2 2.x.

-- H2 creates a table and then, as further changes, the constraints declared with it; a run killed in between leaves
-- the table without its keys, and CREATE TABLE IF NOT EXISTS would never add them. So every key is named, and a
-- re-run adds by name whatever is missing (the primary key's name is ours: the release leaves it to H2).
CREATE TABLE IF NOT EXISTS IDN_AUTH_USER (
    USER_ID VARCHAR(255) NOT NULL,
    USER_NAME VARCHAR(255) NOT NULL,
    TENANT_ID INTEGER NOT NULL,
    DOMAIN_NAME VARCHAR(255) NOT NULL,
    IDP_ID INTEGER NOT NULL,
    CONSTRAINT PK_IDN_AUTH_USER PRIMARY KEY (USER_ID),
    CONSTRAINT USER_STORE_CONSTRAINT UNIQUE (USER_NAME, TENANT_ID, DOMAIN_NAME, IDP_ID)
);
ALTER TABLE IDN_AUTH_USER ADD CONSTRAINT IF NOT EXISTS PK_IDN_AUTH_USER
    PRIMARY KEY (USER_ID);
ALTER TABLE IDN_AUTH_USER ADD CONSTRAINT IF NOT EXISTS USER_STORE_CONSTRAINT
    UNIQUE (USER_NAME, TENANT_ID, DOMAIN_NAME, IDP_ID);

CREATE TABLE IF NOT EXISTS IDN_AUTH_USER_SESSION_MAPPING (
    USER_ID VARCHAR(255) NOT NULL,
    SESSION_ID VARCHAR(255) NOT NULL,
    CONSTRAINT USER_SESSION_STORE_CONSTRAINT UNIQUE (USER_ID, SESSION_ID)
);
ALTER TABLE IDN_AUTH_USER_SESSION_MAPPING ADD CONSTRAINT IF NOT EXISTS USER_SESSION_STORE_CONSTRAINT
    UNIQUE (USER_ID, SESSION_ID);

DROP INDEX IF EXISTS IDX_AT_CK_AU;

DROP INDEX IF EXISTS IDX_TC;

DROP INDEX IF EXISTS IDX_ATH;

DROP INDEX IF EXISTS IDX_AT_TI_UD;

DROP INDEX IF EXISTS IDX_AUTHORIZATION_CODE_HASH;

DROP INDEX IF EXISTS IDX_AUTHORIZATION_CODE_AU_TI;

ALTER TABLE IDN_OAUTH2_ACCESS_TOKEN DROP CONSTRAINT IF EXISTS CON_APP_KEY;

ALTER TABLE IDN_OAUTH2_ACCESS_TOKEN ADD COLUMN IF NOT EXISTS IDP_ID INTEGER;

ALTER TABLE IDN_OAUTH2_ACCESS_TOKEN_AUDIT ADD COLUMN IF NOT EXISTS IDP_ID INTEGER;

ALTER TABLE IDN_OAUTH2_AUTHORIZATION_CODE ADD COLUMN IF NOT EXISTS IDP_ID INTEGER;

ALTER TABLE IDN_OAUTH_CONSUMER_APPS ALTER COLUMN CALLBACK_URL VARCHAR(2048);

ALTER TABLE IDN_OAUTH2_AUTHORIZATION_CODE ALTER COLUMN CALLBACK_URL VARCHAR(2048);

ALTER TABLE IDN_OAUTH1A_REQUEST_TOKEN ALTER COLUMN CALLBACK_URL VARCHAR(2048);

ALTER TABLE IDN_SAML2_ASSERTION_STORE ADD COLUMN IF NOT EXISTS ASSERTION BLOB;

ALTER TABLE FIDO_DEVICE_STORE ALTER COLUMN DEVICE_DATA VARCHAR(2048) NOT NULL;

ALTER TABLE IDN_STS_STORE ALTER COLUMN TOKEN_CONTENT BLOB(1024) NOT NULL;

ALTER TABLE WF_BPS_PROFILE ADD COLUMN IF NOT EXISTS CALLBACK_USERNAME VARCHAR(45) BEFORE TENANT_ID;

ALTER TABLE WF_BPS_PROFILE ADD COLUMN IF NOT EXISTS CALLBACK_PASSWORD VARCHAR(255) BEFORE TENANT_ID;
