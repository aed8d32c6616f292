-- ${table}: the journal (key and operation of each changed row) and the trigger that fills it.
-- SYNC_FAILURES: how often the target refused the row, kept here so that a restart does not reset it.
CREATE TABLE IF NOT EXISTS ${journal} (
  SYNC_ID BIGINT AUTO_INCREMENT PRIMARY KEY,
  SYNC_OP CHAR(1) NOT NULL,
  CHANGED_AT TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL,
  SYNC_FAILURES INTEGER DEFAULT 0 NOT NULL,
  ${keyColumnsDdl}
);
-- H2 runs Java triggers only, in the engine that serves the database: that engine loads this class (from this jar
-- on its class path) and the class writes the same journal rows the other engines' SQL triggers write.
DROP TRIGGER IF EXISTS ${trigger};
CREATE TRIGGER ${trigger} AFTER INSERT, UPDATE, DELETE ON ${table} FOR EACH ROW CALL "${triggerClass}";
