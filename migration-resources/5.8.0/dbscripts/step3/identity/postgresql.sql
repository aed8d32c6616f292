-- IS 5.7.0 -> 5.8.0, identity database, PostgreSQL, step 3: the 5.8.0 CON_APP_KEY unique key of IDN_OAUTH2_ACCESS_TOKEN
-- (with IDP_ID; step 1 dropped the old one, and the shipped config runs this step after OAuthDataMigrator, so the
-- backfill does not maintain it row by row) and the 21 indexes IS 5.8.0 added (four of them on the tables step 1
-- created), with the release's names and columns.
-- @no-transaction
-- Online: CREATE INDEX CONCURRENTLY builds each index without blocking writes to its table (it takes longer and
-- waits for transactions already running), which PostgreSQL allows only outside a transaction block: the directive
-- above makes the migrator run this script statement by statement with auto-commit. CON_APP_KEY is built the same
-- way, as a unique index, and then made the constraint (ADD CONSTRAINT ... USING INDEX only takes a short lock).
-- Re-runnable: every index is IF NOT EXISTS (PostgreSQL 9.5 or later). A concurrent build that was interrupted
-- leaves an INVALID index under its name, which IF NOT EXISTS would keep; the block below drops such leftovers
-- first, so a re-run builds them again.

DO $$
DECLARE
    leftover RECORD;
BEGIN
    FOR leftover IN
        SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
        WHERE NOT i.indisvalid AND c.relname IN ('con_app_key', 'idx_auth_user_un_tid_dn', 'idx_auth_user_dn_tod', 'idx_user_id', 'idx_session_id', 'idx_at_au_tid_ud_ts_ckid', 'idx_at_at', 'idx_at_au_ckid_ts_ut', 'idx_at_rth', 'idx_at_rt', 'idx_ats_tid', 'idx_ac_ckid', 'idx_ac_tid', 'idx_ac_ac_ckid', 'idx_sc_tid', 'idx_sc_n_tid', 'idx_sb_scpid', 'idx_oca_um_tid_ud_apn', 'idx_iop_tid_ck', 'idx_oror_tid', 'idx_user_rid', 'idx_spi_app')
    LOOP
        EXECUTE 'DROP INDEX ' || quote_ident(leftover.relname);
    END LOOP;
END $$;

CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS CON_APP_KEY ON IDN_OAUTH2_ACCESS_TOKEN (CONSUMER_KEY_ID, AUTHZ_USER,
    TENANT_ID, USER_DOMAIN, USER_TYPE, TOKEN_SCOPE_HASH, TOKEN_STATE, TOKEN_STATE_ID, IDP_ID);

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM information_schema.table_constraints WHERE table_schema = current_schema()
                   AND table_name = 'idn_oauth2_access_token' AND lower(constraint_name) = 'con_app_key') THEN
        ALTER TABLE IDN_OAUTH2_ACCESS_TOKEN ADD CONSTRAINT CON_APP_KEY UNIQUE USING INDEX CON_APP_KEY;
    END IF;
END $$;

CREATE INDEX CONCURRENTLY IF NOT EXISTS IDX_AUTH_USER_UN_TID_DN ON IDN_AUTH_USER (USER_NAME, TENANT_ID, DOMAIN_NAME);

CREATE INDEX CONCURRENTLY IF NOT EXISTS IDX_AUTH_USER_DN_TOD ON IDN_AUTH_USER (DOMAIN_NAME, TENANT_ID);

CREATE INDEX CONCURRENTLY IF NOT EXISTS IDX_USER_ID ON IDN_AUTH_USER_SESSION_MAPPING (USER_ID);

CREATE INDEX CONCURRENTLY IF NOT EXISTS IDX_SESSION_ID ON IDN_AUTH_USER_SESSION_MAPPING (SESSION_ID);

CREATE INDEX CONCURRENTLY IF NOT EXISTS IDX_AT_AU_TID_UD_TS_CKID ON IDN_OAUTH2_ACCESS_TOKEN (AUTHZ_USER, TENANT_ID, USER_DOMAIN, TOKEN_STATE, CONSUMER_KEY_ID);

CREATE INDEX CONCURRENTLY IF NOT EXISTS IDX_AT_AT ON IDN_OAUTH2_ACCESS_TOKEN (ACCESS_TOKEN);

CREATE INDEX CONCURRENTLY IF NOT EXISTS IDX_AT_AU_CKID_TS_UT ON IDN_OAUTH2_ACCESS_TOKEN (AUTHZ_USER, CONSUMER_KEY_ID, TOKEN_STATE, USER_TYPE);

CREATE INDEX CONCURRENTLY IF NOT EXISTS IDX_AT_RTH ON IDN_OAUTH2_ACCESS_TOKEN (REFRESH_TOKEN_HASH);

CREATE INDEX CONCURRENTLY IF NOT EXISTS IDX_AT_RT ON IDN_OAUTH2_ACCESS_TOKEN (REFRESH_TOKEN);

CREATE INDEX CONCURRENTLY IF NOT EXISTS IDX_ATS_TID ON IDN_OAUTH2_ACCESS_TOKEN_SCOPE (TOKEN_ID);

CREATE INDEX CONCURRENTLY IF NOT EXISTS IDX_AC_CKID ON IDN_OAUTH2_AUTHORIZATION_CODE (CONSUMER_KEY_ID);

CREATE INDEX CONCURRENTLY IF NOT EXISTS IDX_AC_TID ON IDN_OAUTH2_AUTHORIZATION_CODE (TOKEN_ID);

CREATE INDEX CONCURRENTLY IF NOT EXISTS IDX_AC_AC_CKID ON IDN_OAUTH2_AUTHORIZATION_CODE (AUTHORIZATION_CODE, CONSUMER_KEY_ID);

CREATE INDEX CONCURRENTLY IF NOT EXISTS IDX_SC_TID ON IDN_OAUTH2_SCOPE (TENANT_ID);

CREATE INDEX CONCURRENTLY IF NOT EXISTS IDX_SC_N_TID ON IDN_OAUTH2_SCOPE (NAME, TENANT_ID);

CREATE INDEX CONCURRENTLY IF NOT EXISTS IDX_SB_SCPID ON IDN_OAUTH2_SCOPE_BINDING (SCOPE_ID);

CREATE INDEX CONCURRENTLY IF NOT EXISTS IDX_OCA_UM_TID_UD_APN ON IDN_OAUTH_CONSUMER_APPS (USERNAME, TENANT_ID, USER_DOMAIN, APP_NAME);

CREATE INDEX CONCURRENTLY IF NOT EXISTS IDX_IOP_TID_CK ON IDN_OIDC_PROPERTY (TENANT_ID, CONSUMER_KEY);

CREATE INDEX CONCURRENTLY IF NOT EXISTS IDX_OROR_TID ON IDN_OIDC_REQ_OBJECT_REFERENCE (TOKEN_ID);

CREATE INDEX CONCURRENTLY IF NOT EXISTS IDX_USER_RID ON IDN_UMA_RESOURCE (RESOURCE_ID, RESOURCE_OWNER_NAME, USER_DOMAIN, CLIENT_ID);

CREATE INDEX CONCURRENTLY IF NOT EXISTS IDX_SPI_APP ON SP_INBOUND_AUTH (APP_ID);
