-- Changes the target refused maxAttempts times, parked with the last error (sync status lists them). Re-runnable:
-- each block ignores only ORA-00955 (name already used) and re-raises every other error.
BEGIN
    EXECUTE IMMEDIATE 'CREATE TABLE ISS_DEAD_LETTER (TABLE_NAME VARCHAR2(128) NOT NULL, ROW_KEY VARCHAR2(2048) NOT NULL, ATTEMPTS NUMBER(10) NOT NULL, LAST_ERROR VARCHAR2(2048), PARKED_AT TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL)';
EXCEPTION WHEN OTHERS THEN
    IF SQLCODE != -955 THEN RAISE; END IF;
END;
/
