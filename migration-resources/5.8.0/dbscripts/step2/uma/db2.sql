-- IS 5.7.0 -> 5.8.0, UMA tables (in the identity database by default), DB2: IDN_UMA_PERMISSION_TICKET.TOKEN_ID, the
-- access token a permission ticket was exchanged for, nullable as in the 5.8.0 release.
-- Re-runnable: the compound statement continues past SQLSTATE 42711 (column already exists) and nothing else.
-- Adding a nullable column only changes the catalog.

BEGIN
    DECLARE CONTINUE HANDLER FOR SQLSTATE '42711' BEGIN END;
    EXECUTE IMMEDIATE 'ALTER TABLE IDN_UMA_PERMISSION_TICKET ADD COLUMN TOKEN_ID VARCHAR(255)';
END
/
