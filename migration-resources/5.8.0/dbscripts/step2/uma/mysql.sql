-- IS 5.7.0 -> 5.8.0, UMA tables (in the identity database by default), MySQL: IDN_UMA_PERMISSION_TICKET.TOKEN_ID, the
-- access token a permission ticket was exchanged for, nullable as in the 5.8.0 release. The same for databases created
-- from the plain 5.7.0 mysql.sql and from the mysql5.7.sql variant.
-- Re-runnable: MySQL has no ADD COLUMN IF NOT EXISTS, so a procedure adds the column only when information_schema does
-- not show it yet, and is dropped after its one call.

DROP PROCEDURE IF EXISTS IS_MIGRATION_580_UMA_COLUMNS;

DELIMITER $$
CREATE PROCEDURE IS_MIGRATION_580_UMA_COLUMNS()
BEGIN
    IF NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()
            AND TABLE_NAME = 'IDN_UMA_PERMISSION_TICKET' AND COLUMN_NAME = 'TOKEN_ID') THEN
        ALTER TABLE IDN_UMA_PERMISSION_TICKET ADD COLUMN TOKEN_ID VARCHAR(255);
    END IF;
END $$
DELIMITER ;

CALL IS_MIGRATION_580_UMA_COLUMNS();

DROP PROCEDURE IS_MIGRATION_580_UMA_COLUMNS;
