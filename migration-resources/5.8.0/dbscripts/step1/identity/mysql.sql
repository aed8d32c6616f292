-- IS 5.7.0 -> 5.8.0, identity database, MySQL, step 1 (tables and columns; the new indexes are step 3).
-- Brings a 5.7.0 database to the 5.8.0 fresh-install definitions:
--   * the new tables IDN_AUTH_USER and IDN_AUTH_USER_SESSION_MAPPING;
--   * IDP_ID on IDN_OAUTH2_ACCESS_TOKEN, IDN_OAUTH2_ACCESS_TOKEN_AUDIT and IDN_OAUTH2_AUTHORIZATION_CODE, nullable as in
--     the 5.8.0 release (the backfill of existing rows is OAuthDataMigrator's, a later migrator of this version);
--   * the old CON_APP_KEY unique key of IDN_OAUTH2_ACCESS_TOKEN dropped: step 3 adds the 5.8.0 one (with IDP_ID)
--     after OAuthDataMigrator has filled IDP_ID, so that the backfill does not update a wide unique index per row.
--     The foreign key on CONSUMER_KEY_ID keeps an index leading with it, 5.7.0's IDX_AT_CK_AU (a database where that
--     index was removed makes the DROP fail with "needed in a foreign key constraint": recreate it, run again);
--   * CALLBACK_URL widened to VARCHAR(2048) on IDN_OAUTH_CONSUMER_APPS, IDN_OAUTH2_AUTHORIZATION_CODE and
--     IDN_OAUTH1A_REQUEST_TOKEN; IDN_SAML2_ASSERTION_STORE.ASSERTION.
-- MySQL variants: these changes are the same for a database created from the plain 5.7.0 mysql.sql and from the
-- mysql5.7.sql variant (their differences, TIMESTAMP defaults and one index prefix, are kept or handled in step 3).
-- Re-runnable: MySQL has no ADD COLUMN IF NOT EXISTS, so a procedure makes each change only when information_schema
-- does not show it yet, and is dropped after its one call; widening a VARCHAR to the length it has is a no-op. A
-- second run changes nothing.
-- Online (InnoDB, MySQL 5.6+): adding a nullable column, widening a VARCHAR whose length prefix stays two bytes and
-- rebuilding a secondary unique key all run in place with concurrent reads and writes, but adding a column rebuilds
-- the table, which takes time and disk space on a large IDN_OAUTH2_ACCESS_TOKEN (MySQL 8.0 adds it instantly).

CREATE TABLE IF NOT EXISTS IDN_AUTH_USER (
    USER_ID VARCHAR(255) NOT NULL,
    USER_NAME VARCHAR(255) NOT NULL,
    TENANT_ID INTEGER NOT NULL,
    DOMAIN_NAME VARCHAR(255) NOT NULL,
    IDP_ID INTEGER NOT NULL,
    PRIMARY KEY (USER_ID),
    CONSTRAINT USER_STORE_CONSTRAINT UNIQUE (USER_NAME, TENANT_ID, DOMAIN_NAME, IDP_ID)
) ENGINE INNODB;

CREATE TABLE IF NOT EXISTS IDN_AUTH_USER_SESSION_MAPPING (
    USER_ID VARCHAR(255) NOT NULL,
    SESSION_ID VARCHAR(255) NOT NULL,
    CONSTRAINT USER_SESSION_STORE_CONSTRAINT UNIQUE (USER_ID, SESSION_ID)
) ENGINE INNODB;

DROP PROCEDURE IF EXISTS IS_MIGRATION_580_IDENTITY_COLUMNS;

DELIMITER $$
CREATE PROCEDURE IS_MIGRATION_580_IDENTITY_COLUMNS()
BEGIN
    IF NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()
            AND TABLE_NAME = 'IDN_OAUTH2_ACCESS_TOKEN' AND COLUMN_NAME = 'IDP_ID') THEN
        ALTER TABLE IDN_OAUTH2_ACCESS_TOKEN ADD COLUMN IDP_ID INTEGER;
    END IF;

    IF NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()
            AND TABLE_NAME = 'IDN_OAUTH2_ACCESS_TOKEN_AUDIT' AND COLUMN_NAME = 'IDP_ID') THEN
        ALTER TABLE IDN_OAUTH2_ACCESS_TOKEN_AUDIT ADD COLUMN IDP_ID INTEGER;
    END IF;

    IF NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()
            AND TABLE_NAME = 'IDN_OAUTH2_AUTHORIZATION_CODE' AND COLUMN_NAME = 'IDP_ID') THEN
        ALTER TABLE IDN_OAUTH2_AUTHORIZATION_CODE ADD COLUMN IDP_ID INTEGER;
    END IF;

    IF EXISTS (SELECT 1 FROM information_schema.STATISTICS K WHERE K.TABLE_SCHEMA = DATABASE()
            AND K.TABLE_NAME = 'IDN_OAUTH2_ACCESS_TOKEN' AND K.INDEX_NAME = 'CON_APP_KEY'
            AND NOT EXISTS (SELECT 1 FROM information_schema.STATISTICS I WHERE I.TABLE_SCHEMA = K.TABLE_SCHEMA
                            AND I.TABLE_NAME = K.TABLE_NAME AND I.INDEX_NAME = K.INDEX_NAME
                            AND I.COLUMN_NAME = 'IDP_ID')) THEN
        ALTER TABLE IDN_OAUTH2_ACCESS_TOKEN DROP INDEX CON_APP_KEY;
    END IF;

    IF NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()
            AND TABLE_NAME = 'IDN_SAML2_ASSERTION_STORE' AND COLUMN_NAME = 'ASSERTION') THEN
        ALTER TABLE IDN_SAML2_ASSERTION_STORE ADD COLUMN ASSERTION BLOB;
    END IF;
END $$
DELIMITER ;

CALL IS_MIGRATION_580_IDENTITY_COLUMNS();

DROP PROCEDURE IS_MIGRATION_580_IDENTITY_COLUMNS;

ALTER TABLE IDN_OAUTH_CONSUMER_APPS MODIFY CALLBACK_URL VARCHAR(2048);

ALTER TABLE IDN_OAUTH2_AUTHORIZATION_CODE MODIFY CALLBACK_URL VARCHAR(2048);

ALTER TABLE IDN_OAUTH1A_REQUEST_TOKEN MODIFY CALLBACK_URL VARCHAR(2048);
