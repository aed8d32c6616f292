-- IS 5.8.0 -> 5.9.0, shared (registry) database, MySQL: what carbon-kernel 4.5.1 changed in REG_* tables.
-- * Both 5.8.0 variants: the constraint UNIQUE_REG_PATH_TENANT_ID (a path appears once per tenant).
-- * Only a database created from the plain 5.8.0 mysql.sql (5.9.0 ships only the former mysql5.7.sql, whose names
--   and defaults these are; a mysql5.7-variant database has them already and is left as it is):
--   index REG_LOG_IND_BY_REG_LOGTIME renamed REG_LOG_IND_BY_REGLOG, index REG_RESOURCE_IND_BY_TENANT renamed
--   REG_RESOURCE_IND_BY_TENAN (same columns), and REG_CREATED_TIME / REG_LAST_UPDATED_TIME of REG_RESOURCE and
--   REG_RESOURCE_HISTORY get DEFAULT CURRENT_TIMESTAMP.
-- Which variant the database is in is read from information_schema, change by change: a procedure makes each change
-- only where it is not made yet, so the script is re-runnable, and is dropped again afterwards.
-- preconditions.yaml beside this script stops the run first if a path appears twice in one tenant.
-- RENAME INDEX needs MySQL 5.7 or later (MariaDB 10.5.2 or later); it only changes metadata.
-- Online: the renames and the new defaults change only metadata; adding the key is an in-place index build that
-- allows reads and writes meanwhile.

DROP PROCEDURE IF EXISTS IS_MIGRATION_590_REGISTRY;

DELIMITER //
CREATE PROCEDURE IS_MIGRATION_590_REGISTRY()
BEGIN
    IF NOT EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()
            AND TABLE_NAME = 'REG_PATH' AND INDEX_NAME = 'UNIQUE_REG_PATH_TENANT_ID') THEN
        ALTER TABLE REG_PATH ADD CONSTRAINT UNIQUE_REG_PATH_TENANT_ID UNIQUE (REG_PATH_VALUE, REG_TENANT_ID);
    END IF;

    IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()
            AND TABLE_NAME = 'REG_LOG' AND INDEX_NAME = 'REG_LOG_IND_BY_REG_LOGTIME') THEN
        ALTER TABLE REG_LOG RENAME INDEX REG_LOG_IND_BY_REG_LOGTIME TO REG_LOG_IND_BY_REGLOG;
    END IF;
    IF EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()
            AND TABLE_NAME = 'REG_RESOURCE' AND INDEX_NAME = 'REG_RESOURCE_IND_BY_TENANT') THEN
        ALTER TABLE REG_RESOURCE RENAME INDEX REG_RESOURCE_IND_BY_TENANT TO REG_RESOURCE_IND_BY_TENAN;
    END IF;

    IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()
            AND TABLE_NAME = 'REG_RESOURCE' AND COLUMN_NAME IN ('REG_CREATED_TIME', 'REG_LAST_UPDATED_TIME')
            AND COALESCE(UPPER(COLUMN_DEFAULT), '') NOT LIKE 'CURRENT_TIMESTAMP%') THEN
        ALTER TABLE REG_RESOURCE
            MODIFY REG_CREATED_TIME TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
            MODIFY REG_LAST_UPDATED_TIME TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP;
    END IF;
    IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()
            AND TABLE_NAME = 'REG_RESOURCE_HISTORY' AND COLUMN_NAME IN ('REG_CREATED_TIME', 'REG_LAST_UPDATED_TIME')
            AND COALESCE(UPPER(COLUMN_DEFAULT), '') NOT LIKE 'CURRENT_TIMESTAMP%') THEN
        ALTER TABLE REG_RESOURCE_HISTORY
            MODIFY REG_CREATED_TIME TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
            MODIFY REG_LAST_UPDATED_TIME TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP;
    END IF;
END //
DELIMITER ;

CALL IS_MIGRATION_590_REGISTRY();

DROP PROCEDURE IS_MIGRATION_590_REGISTRY;
