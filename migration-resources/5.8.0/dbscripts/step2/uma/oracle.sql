-- IS 5.7.0 -> 5.8.0, UMA tables (in the identity database by default), Oracle: IDN_UMA_PERMISSION_TICKET.TOKEN_ID,
-- the access token a permission ticket was exchanged for, nullable as in the 5.8.0 release.
-- Re-runnable: the block ignores only ORA-01430 (column already exists). Adding a nullable column only changes the
-- dictionary.

BEGIN
    EXECUTE IMMEDIATE 'ALTER TABLE IDN_UMA_PERMISSION_TICKET ADD (TOKEN_ID VARCHAR2(255))';
EXCEPTION
    WHEN OTHERS THEN
        IF SQLCODE != -1430 THEN
            RAISE;
        END IF;
END;
/
