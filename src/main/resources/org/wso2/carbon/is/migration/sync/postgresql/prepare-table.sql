-- ${table}: the journal (key and operation of each changed row) and the trigger that fills it.
-- SYNC_FAILURES: how often the target refused the row, kept here so that a restart does not reset it.
CREATE TABLE IF NOT EXISTS ${journal} (
  SYNC_ID BIGSERIAL PRIMARY KEY,
  SYNC_OP CHAR(1) NOT NULL,
  CHANGED_AT TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL,
  SYNC_FAILURES INTEGER DEFAULT 0 NOT NULL,
  ${keyColumnsDdl}
);
CREATE OR REPLACE FUNCTION ${function}() RETURNS TRIGGER AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO ${journal} (SYNC_OP, ${keyColumns}) VALUES ('I', ${newKeys});
  ELSIF TG_OP = 'UPDATE' THEN
    IF ${keyChanged} THEN
      INSERT INTO ${journal} (SYNC_OP, ${keyColumns}) VALUES ('K', ${oldKeys});
    END IF;
    INSERT INTO ${journal} (SYNC_OP, ${keyColumns}) VALUES ('U', ${newKeys});
  ELSE
    INSERT INTO ${journal} (SYNC_OP, ${keyColumns}) VALUES ('D', ${oldKeys});
  END IF;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;
-- Deletes have their own trigger: where the target's foreign keys repeat the deletes the source's make, it leaves
-- those out by WHEN (pg_trigger_depth() = 0) (a foreign key deletes from within its own trigger).
DROP TRIGGER IF EXISTS ${trigger} ON ${table};
DROP TRIGGER IF EXISTS ${deleteTrigger} ON ${table};
CREATE TRIGGER ${trigger} AFTER INSERT OR UPDATE ON ${table} FOR EACH ROW EXECUTE PROCEDURE ${function}();
CREATE TRIGGER ${deleteTrigger} AFTER DELETE ON ${table} FOR EACH ROW ${deleteCondition}EXECUTE PROCEDURE ${function}();
