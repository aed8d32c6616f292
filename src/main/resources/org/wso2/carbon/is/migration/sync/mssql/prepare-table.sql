-- ${table}: the journal (key and operation of each changed row) and the triggers that fill it. A trigger fires
-- once per statement: inserted and deleted hold every row the statement changed.
-- SYNC_FAILURES: how often the target refused the row, kept here so that a restart does not reset it.
IF NOT EXISTS (SELECT 1 FROM sys.objects WHERE object_id = OBJECT_ID(N'${journal}') AND type = N'U')
CREATE TABLE ${journal} (
  SYNC_ID BIGINT IDENTITY(1,1) PRIMARY KEY,
  SYNC_OP CHAR(1) NOT NULL,
  CHANGED_AT DATETIME2 DEFAULT CURRENT_TIMESTAMP NOT NULL,
  SYNC_FAILURES INTEGER DEFAULT 0 NOT NULL,
  ${keyColumnsDdl}
)
GO
CREATE OR ALTER TRIGGER ${insertTrigger} ON ${table} AFTER INSERT AS
BEGIN
  SET NOCOUNT ON;
  INSERT INTO ${journal} (SYNC_OP, ${keyColumns}) SELECT 'I', ${insertedKeys} FROM inserted I;
END
GO
CREATE OR ALTER TRIGGER ${updateTrigger} ON ${table} AFTER UPDATE AS
BEGIN
  SET NOCOUNT ON;
  INSERT INTO ${journal} (SYNC_OP, ${keyColumns})
    SELECT 'K', ${deletedKeys} FROM deleted D WHERE NOT EXISTS (SELECT 1 FROM inserted I WHERE ${keyJoin});
  INSERT INTO ${journal} (SYNC_OP, ${keyColumns}) SELECT 'U', ${insertedKeys} FROM inserted I;
END
GO
CREATE OR ALTER TRIGGER ${deleteTrigger} ON ${table} AFTER DELETE AS
BEGIN
  SET NOCOUNT ON;
  INSERT INTO ${journal} (SYNC_OP, ${keyColumns}) SELECT 'D', ${deletedKeys} FROM deleted D;
END
GO
