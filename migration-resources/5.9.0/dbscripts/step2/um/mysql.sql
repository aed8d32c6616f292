-- IS 5.8.0 -> 5.9.0, shared (user-management) database, MySQL: what carbon-kernel 4.5.1 changed in UM_* tables.
-- UM_DOMAIN.UM_DOMAIN_NAME, UM_HYBRID_ROLE.UM_ROLE_NAME and UM_SYSTEM_ROLE.UM_ROLE_NAME become NOT NULL and unique
-- per tenant, and UM_HYBRID_ROLE gets the index UM_ROLE_NAME_IND. The same in both 5.8.0 variants (mysql.sql and
-- mysql5.7.sql).
-- preconditions.yaml beside this script stops the run first if a name is NULL or appears twice in one tenant (with
-- NULLs, MySQL in non-strict mode would silently turn them into '' rather than fail).
-- The release leaves the UNIQUE keys unnamed; MySQL then names a key after its first column. They are given exactly
-- those names here (UM_DOMAIN_NAME, UM_ROLE_NAME), so a migrated database is the same as a fresh 5.9.0 one.
-- Re-runnable: MySQL has no IF NOT EXISTS for keys and indexes, so a procedure makes each change only where
-- information_schema shows it is not made yet, and is dropped again afterwards.
-- Online: MODIFY ... NOT NULL rebuilds the table in place (InnoDB allows reads and writes meanwhile), adding a key
-- or index is an in-place build; the UM_ tables hold one row per role or domain, so this takes moments.

DROP PROCEDURE IF EXISTS IS_MIGRATION_590_UM;

DELIMITER //
CREATE PROCEDURE IS_MIGRATION_590_UM()
BEGIN
    IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'UM_DOMAIN'
            AND COLUMN_NAME = 'UM_DOMAIN_NAME' AND IS_NULLABLE = 'YES') THEN
        ALTER TABLE UM_DOMAIN MODIFY UM_DOMAIN_NAME VARCHAR(255) NOT NULL;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()
            AND TABLE_NAME = 'UM_DOMAIN' AND INDEX_NAME = 'UM_DOMAIN_NAME') THEN
        ALTER TABLE UM_DOMAIN ADD CONSTRAINT UM_DOMAIN_NAME UNIQUE (UM_DOMAIN_NAME, UM_TENANT_ID);
    END IF;

    IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()
            AND TABLE_NAME = 'UM_HYBRID_ROLE' AND COLUMN_NAME = 'UM_ROLE_NAME' AND IS_NULLABLE = 'YES') THEN
        ALTER TABLE UM_HYBRID_ROLE MODIFY UM_ROLE_NAME VARCHAR(255) NOT NULL;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()
            AND TABLE_NAME = 'UM_HYBRID_ROLE' AND INDEX_NAME = 'UM_ROLE_NAME') THEN
        ALTER TABLE UM_HYBRID_ROLE ADD CONSTRAINT UM_ROLE_NAME UNIQUE (UM_ROLE_NAME, UM_TENANT_ID);
    END IF;
    IF NOT EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()
            AND TABLE_NAME = 'UM_HYBRID_ROLE' AND INDEX_NAME = 'UM_ROLE_NAME_IND') THEN
        CREATE INDEX UM_ROLE_NAME_IND ON UM_HYBRID_ROLE (UM_ROLE_NAME);
    END IF;

    IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()
            AND TABLE_NAME = 'UM_SYSTEM_ROLE' AND COLUMN_NAME = 'UM_ROLE_NAME' AND IS_NULLABLE = 'YES') THEN
        ALTER TABLE UM_SYSTEM_ROLE MODIFY UM_ROLE_NAME VARCHAR(255) NOT NULL;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()
            AND TABLE_NAME = 'UM_SYSTEM_ROLE' AND INDEX_NAME = 'UM_ROLE_NAME') THEN
        ALTER TABLE UM_SYSTEM_ROLE ADD CONSTRAINT UM_ROLE_NAME UNIQUE (UM_ROLE_NAME, UM_TENANT_ID);
    END IF;
END //
DELIMITER ;

CALL IS_MIGRATION_590_UM();

DROP PROCEDURE IS_MIGRATION_590_UM;
