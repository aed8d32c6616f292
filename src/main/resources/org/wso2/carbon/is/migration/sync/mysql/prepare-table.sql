-- ${table}: the journal (key and operation of each changed row) and the triggers that fill it.
-- SYNC_FAILURES: how often the target refused the row, kept here so that a restart does not reset it.
CREATE TABLE IF NOT EXISTS ${journal} (
  SYNC_ID BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  SYNC_OP CHAR(1) NOT NULL,
  CHANGED_AT TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  SYNC_FAILURES INTEGER NOT NULL DEFAULT 0,
  ${keyColumnsDdl}
) ENGINE INNODB;
DROP TRIGGER IF EXISTS ${insertTrigger};
CREATE TRIGGER ${insertTrigger} AFTER INSERT ON ${table} FOR EACH ROW
  INSERT INTO ${journal} (SYNC_OP, ${keyColumns}) VALUES ('I', ${newKeys});
DROP TRIGGER IF EXISTS ${updateTrigger};
DELIMITER //
CREATE TRIGGER ${updateTrigger} AFTER UPDATE ON ${table} FOR EACH ROW
BEGIN
  IF ${keyChanged} THEN
    INSERT INTO ${journal} (SYNC_OP, ${keyColumns}) VALUES ('K', ${oldKeys});
  END IF;
  INSERT INTO ${journal} (SYNC_OP, ${keyColumns}) VALUES ('U', ${newKeys});
END//
DELIMITER ;
DROP TRIGGER IF EXISTS ${deleteTrigger};
CREATE TRIGGER ${deleteTrigger} AFTER DELETE ON ${table} FOR EACH ROW
  INSERT INTO ${journal} (SYNC_OP, ${keyColumns}) VALUES ('D', ${oldKeys});
