-- IS 5.7.0 -> 5.8.0, identity database, PostgreSQL, step 1 (tables and columns; the new indexes are step 3).
-- Brings a 5.7.0 database to the 5.8.0 fresh-install definitions:
--   * the new tables IDN_AUTH_USER and IDN_AUTH_USER_SESSION_MAPPING;
--   * IDP_ID on IDN_OAUTH2_ACCESS_TOKEN, IDN_OAUTH2_ACCESS_TOKEN_AUDIT and IDN_OAUTH2_AUTHORIZATION_CODE, nullable as in
--     the 5.8.0 release (the backfill of existing rows is OAuthDataMigrator's, a later migrator of this version);
--   * the old CON_APP_KEY unique key of IDN_OAUTH2_ACCESS_TOKEN dropped. The 5.7.0 PostgreSQL script built it on
--     TOKEN_ID (the primary key, so it restricted nothing) where the other dialects had TENANT_ID; 5.8.0 has
--     (CONSUMER_KEY_ID, AUTHZ_USER, TENANT_ID, USER_DOMAIN, USER_TYPE, TOKEN_SCOPE_HASH, TOKEN_STATE, TOKEN_STATE_ID,
--     IDP_ID), which step 3 adds after OAuthDataMigrator has filled IDP_ID (so that the backfill does not update a
--     wide unique index per row); rows that would collide on it are listed by preconditions.yaml before anything
--     runs, and never deleted;
--   * the four secondary indexes of IDN_OAUTH2_ACCESS_TOKEN and the two of IDN_OAUTH2_AUTHORIZATION_CODE dropped, for
--     step 3 to build again after the backfill. PostgreSQL writes every updated row as a new row version, and a row
--     that does not fit its own page (a bulk-loaded table has no room) gets a new entry in every index of the table,
--     so the backfill without these indexes and building them again afterwards take far less time than the backfill
--     with them (see docs/benchmark.md).
--     5.8.0 has all six, with the same names and columns, so the end schema does not change. Until step 3 has run
--     the two tables are slower to search: the migration must finish before the server serves them anyway;
--   * CALLBACK_URL widened to VARCHAR(2048) on IDN_OAUTH_CONSUMER_APPS, IDN_OAUTH2_AUTHORIZATION_CODE and
--     IDN_OAUTH1A_REQUEST_TOKEN; IDN_SAML2_ASSERTION_STORE.ASSERTION.
-- Re-runnable: tables and columns are IF NOT EXISTS (PostgreSQL 9.6 or later); widening a VARCHAR to the length it
-- already has is a no-op; the old key is dropped only while the catalog shows it (a 5.8.0 key is kept); the indexes
-- are dropped IF EXISTS.
-- Not online: adding a column and widening a VARCHAR only change the catalog (no table rewrite) but take a short
-- exclusive lock.

CREATE TABLE IF NOT EXISTS IDN_AUTH_USER (
    USER_ID VARCHAR(255) NOT NULL,
    USER_NAME VARCHAR(255) NOT NULL,
    TENANT_ID INTEGER NOT NULL,
    DOMAIN_NAME VARCHAR(255) NOT NULL,
    IDP_ID INTEGER NOT NULL,
    PRIMARY KEY (USER_ID),
    CONSTRAINT USER_STORE_CONSTRAINT UNIQUE (USER_NAME, TENANT_ID, DOMAIN_NAME, IDP_ID)
);

CREATE TABLE IF NOT EXISTS IDN_AUTH_USER_SESSION_MAPPING (
    USER_ID VARCHAR(255) NOT NULL,
    SESSION_ID VARCHAR(255) NOT NULL,
    CONSTRAINT USER_SESSION_STORE_CONSTRAINT UNIQUE (USER_ID, SESSION_ID)
);

ALTER TABLE IDN_OAUTH2_ACCESS_TOKEN ADD COLUMN IF NOT EXISTS IDP_ID INTEGER;

ALTER TABLE IDN_OAUTH2_ACCESS_TOKEN_AUDIT ADD COLUMN IF NOT EXISTS IDP_ID INTEGER;

ALTER TABLE IDN_OAUTH2_AUTHORIZATION_CODE ADD COLUMN IF NOT EXISTS IDP_ID INTEGER;

-- Drops every unique constraint of IDN_OAUTH2_ACCESS_TOKEN that is named CON_APP_KEY or has the columns of a 5.7.0
-- CON_APP_KEY (the PostgreSQL one on TOKEN_ID, or the other dialects' on TENANT_ID, under whatever name the engine
-- gave it), unless it already is the 5.8.0 key.
DO $$
DECLARE
    target TEXT[] := ARRAY['consumer_key_id', 'authz_user', 'tenant_id', 'user_domain', 'user_type',
        'token_scope_hash', 'token_state', 'token_state_id', 'idp_id'];
    old_on_token_id TEXT[] := ARRAY['consumer_key_id', 'authz_user', 'token_id', 'user_domain', 'user_type',
        'token_scope_hash', 'token_state', 'token_state_id'];
    old_on_tenant_id TEXT[] := ARRAY['consumer_key_id', 'authz_user', 'tenant_id', 'user_domain', 'user_type',
        'token_scope_hash', 'token_state', 'token_state_id'];
    key RECORD;
BEGIN
    FOR key IN
        SELECT c.conname AS name,
               ARRAY(SELECT a.attname::TEXT
                     FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, position)
                     JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
                     ORDER BY k.position) AS columns
        FROM pg_constraint c
        WHERE c.conrelid = 'idn_oauth2_access_token'::regclass AND c.contype = 'u'
    LOOP
        IF NOT (lower(key.name) = 'con_app_key' AND key.columns = target)
                AND (lower(key.name) = 'con_app_key' OR key.columns = old_on_token_id
                     OR key.columns = old_on_tenant_id) THEN
            EXECUTE format('ALTER TABLE idn_oauth2_access_token DROP CONSTRAINT %I', key.name);
        END IF;
    END LOOP;
END $$;

DROP INDEX IF EXISTS IDX_AT_CK_AU;

DROP INDEX IF EXISTS IDX_TC;

DROP INDEX IF EXISTS IDX_ATH;

DROP INDEX IF EXISTS IDX_AT_TI_UD;

DROP INDEX IF EXISTS IDX_AUTHORIZATION_CODE_HASH;

DROP INDEX IF EXISTS IDX_AUTHORIZATION_CODE_AU_TI;

ALTER TABLE IDN_OAUTH_CONSUMER_APPS ALTER COLUMN CALLBACK_URL TYPE VARCHAR(2048);

ALTER TABLE IDN_OAUTH2_AUTHORIZATION_CODE ALTER COLUMN CALLBACK_URL TYPE VARCHAR(2048);

ALTER TABLE IDN_OAUTH1A_REQUEST_TOKEN ALTER COLUMN CALLBACK_URL TYPE VARCHAR(2048);

ALTER TABLE IDN_SAML2_ASSERTION_STORE ADD COLUMN IF NOT EXISTS ASSERTION BYTEA;
