-- IS 5.7.0 -> 5.8.0, identity database, Oracle, step 1 (tables and columns; the new indexes are step 3).
-- Written from the 5.7.0 -> 5.8.0 release differences in Oracle's own types (no Oracle engine runs in this build; the
-- script is checked statically):
--   * the new tables IDN_AUTH_USER and IDN_AUTH_USER_SESSION_MAPPING;
--   * IDP_ID on IDN_OAUTH2_ACCESS_TOKEN, IDN_OAUTH2_ACCESS_TOKEN_AUDIT and IDN_OAUTH2_AUTHORIZATION_CODE, nullable as in
--     the 5.8.0 release (the backfill of existing rows is OAuthDataMigrator's, a later migrator of this version);
--   * the old CON_APP_KEY unique key of IDN_OAUTH2_ACCESS_TOKEN dropped (its index with it) while the catalog shows it
--     without IDP_ID: step 3 adds the 5.8.0 one after OAuthDataMigrator has filled IDP_ID, so that the backfill does
--     not update a wide unique index per row;
--   * CALLBACK_URL widened to VARCHAR2(2048) on IDN_OAUTH_CONSUMER_APPS, IDN_OAUTH2_AUTHORIZATION_CODE and
--     IDN_OAUTH1A_REQUEST_TOKEN; IDN_SAML2_ASSERTION_STORE.ASSERTION.
-- Re-runnable: tables are created by blocks ignoring only ORA-00955 (name already used), columns by blocks ignoring
-- only ORA-01430 (column already exists); widening a VARCHAR2 to the length it has is accepted and changes nothing;
-- the key blocks look at USER_CONSTRAINTS / USER_CONS_COLUMNS first. Each block ends with a line holding only '/'.
-- Online: adding a nullable column and widening a VARCHAR2 only change the dictionary.

BEGIN
    EXECUTE IMMEDIATE 'CREATE TABLE IDN_AUTH_USER (
        USER_ID VARCHAR2(255) NOT NULL,
        USER_NAME VARCHAR2(255) NOT NULL,
        TENANT_ID INTEGER NOT NULL,
        DOMAIN_NAME VARCHAR2(255) NOT NULL,
        IDP_ID INTEGER NOT NULL,
        PRIMARY KEY (USER_ID),
        CONSTRAINT USER_STORE_CONSTRAINT UNIQUE (USER_NAME, TENANT_ID, DOMAIN_NAME, IDP_ID)
    )';
EXCEPTION
    WHEN OTHERS THEN
        IF SQLCODE != -955 THEN
            RAISE;
        END IF;
END;
/

BEGIN
    EXECUTE IMMEDIATE 'CREATE TABLE IDN_AUTH_USER_SESSION_MAPPING (
        USER_ID VARCHAR2(255) NOT NULL,
        SESSION_ID VARCHAR2(255) NOT NULL,
        CONSTRAINT USER_SESSION_STORE_CONSTRAINT UNIQUE (USER_ID, SESSION_ID)
    )';
EXCEPTION
    WHEN OTHERS THEN
        IF SQLCODE != -955 THEN
            RAISE;
        END IF;
END;
/

BEGIN
    EXECUTE IMMEDIATE 'ALTER TABLE IDN_OAUTH2_ACCESS_TOKEN ADD (IDP_ID INTEGER)';
EXCEPTION
    WHEN OTHERS THEN
        IF SQLCODE != -1430 THEN
            RAISE;
        END IF;
END;
/

BEGIN
    EXECUTE IMMEDIATE 'ALTER TABLE IDN_OAUTH2_ACCESS_TOKEN_AUDIT ADD (IDP_ID INTEGER)';
EXCEPTION
    WHEN OTHERS THEN
        IF SQLCODE != -1430 THEN
            RAISE;
        END IF;
END;
/

BEGIN
    EXECUTE IMMEDIATE 'ALTER TABLE IDN_OAUTH2_AUTHORIZATION_CODE ADD (IDP_ID INTEGER)';
EXCEPTION
    WHEN OTHERS THEN
        IF SQLCODE != -1430 THEN
            RAISE;
        END IF;
END;
/

DECLARE
    FOUND NUMBER;
BEGIN
    SELECT COUNT(*) INTO FOUND FROM USER_CONSTRAINTS C
    WHERE C.TABLE_NAME = 'IDN_OAUTH2_ACCESS_TOKEN' AND C.CONSTRAINT_NAME = 'CON_APP_KEY'
      AND NOT EXISTS (SELECT 1 FROM USER_CONS_COLUMNS K WHERE K.CONSTRAINT_NAME = C.CONSTRAINT_NAME
                      AND K.TABLE_NAME = C.TABLE_NAME AND K.COLUMN_NAME = 'IDP_ID');
    IF FOUND > 0 THEN
        EXECUTE IMMEDIATE 'ALTER TABLE IDN_OAUTH2_ACCESS_TOKEN DROP CONSTRAINT CON_APP_KEY';
    END IF;
END;
/

ALTER TABLE IDN_OAUTH_CONSUMER_APPS MODIFY (CALLBACK_URL VARCHAR2(2048))
/

ALTER TABLE IDN_OAUTH2_AUTHORIZATION_CODE MODIFY (CALLBACK_URL VARCHAR2(2048))
/

ALTER TABLE IDN_OAUTH1A_REQUEST_TOKEN MODIFY (CALLBACK_URL VARCHAR2(2048))
/

BEGIN
    EXECUTE IMMEDIATE 'ALTER TABLE IDN_SAML2_ASSERTION_STORE ADD (ASSERTION BLOB)';
EXCEPTION
    WHEN OTHERS THEN
        IF SQLCODE != -1430 THEN
            RAISE;
        END IF;
END;
/
