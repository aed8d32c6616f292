-- IS 5.6.0 -> 5.7.0, consent tables, H2: consent management v2 (5.7.0) groups purposes.
--   * CM_PURPOSE gains PURPOSE_GROUP and GROUP_TYPE (NOT NULL), and its unique key (NAME, TENANT_ID) becomes
--     (NAME, TENANT_ID, PURPOSE_GROUP, GROUP_TYPE). Existing purposes get the values 5.7.0 gives them: the 'DEFAULT'
--     purpose ('DEFAULT', 'SP'), as 5.7.0's own seed row; every other purpose, which 5.6.0 could only create for self
--     sign-up, ('SIGNUP', 'SYSTEM'), the group and type 5.7.0 lists self sign-up purposes under (the same values the
--     existing client's 5.7.0 consent script writes).
--   * CM_PURPOSE_PII_CAT_ASSOC gains IS_MANDATORY (NOT NULL, no default); 5.6.0 had no optional PII categories, so
--     every existing association is mandatory (1).
-- H2 named the old unique key itself (CONSTRAINT_...), so a Java function looks it up by its columns and drops it.
-- Re-runnable: columns are added only where missing and filled only where NULL; the key is replaced only while it
-- lacks PURPOSE_GROUP.

ALTER TABLE CM_PURPOSE ADD COLUMN IF NOT EXISTS PURPOSE_GROUP VARCHAR(255) BEFORE TENANT_ID;
ALTER TABLE CM_PURPOSE ADD COLUMN IF NOT EXISTS GROUP_TYPE VARCHAR(255) BEFORE TENANT_ID;
UPDATE CM_PURPOSE SET PURPOSE_GROUP = CASE WHEN NAME = 'DEFAULT' THEN 'DEFAULT' ELSE 'SIGNUP' END, GROUP_TYPE = CASE WHEN NAME = 'DEFAULT' THEN 'SP' ELSE 'SYSTEM' END
    WHERE PURPOSE_GROUP IS NULL OR GROUP_TYPE IS NULL;
ALTER TABLE CM_PURPOSE ALTER COLUMN PURPOSE_GROUP SET NOT NULL;
ALTER TABLE CM_PURPOSE ALTER COLUMN GROUP_TYPE SET NOT NULL;

CREATE ALIAS IF NOT EXISTS IS_MIGRATION_570_DROP_UNIQUE AS $$
void dropUnique(java.sql.Connection connection, String table, String columns) throws java.sql.SQLException {
    String query = "SELECT C.CONSTRAINT_NAME, K.COLUMN_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS C"
            + " JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE K ON K.CONSTRAINT_SCHEMA = C.CONSTRAINT_SCHEMA"
            + " AND K.CONSTRAINT_NAME = C.CONSTRAINT_NAME WHERE C.TABLE_SCHEMA = SCHEMA() AND C.TABLE_NAME = ?"
            + " AND C.CONSTRAINT_TYPE = 'UNIQUE' ORDER BY C.CONSTRAINT_NAME, K.ORDINAL_POSITION";
    java.util.Map<String, StringBuilder> keys = new java.util.LinkedHashMap<>();
    try (java.sql.PreparedStatement statement = connection.prepareStatement(query)) {
        statement.setString(1, table);
        try (java.sql.ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                StringBuilder list = keys.computeIfAbsent(rows.getString(1), name -> new StringBuilder());
                list.append(list.length() == 0 ? "" : ",").append(rows.getString(2));
            }
        }
    }
    for (java.util.Map.Entry<String, StringBuilder> key : keys.entrySet()) {
        if (key.getValue().toString().equals(columns)) {
            try (java.sql.Statement drop = connection.createStatement()) {
                drop.execute("ALTER TABLE " + table + " DROP CONSTRAINT " + key.getKey());
            }
        }
    }
}
$$;

CALL IS_MIGRATION_570_DROP_UNIQUE('CM_PURPOSE', 'NAME,TENANT_ID');
DROP ALIAS IF EXISTS IS_MIGRATION_570_DROP_UNIQUE;
ALTER TABLE CM_PURPOSE ADD CONSTRAINT IF NOT EXISTS CM_PURPOSE_CNT UNIQUE (NAME, TENANT_ID, PURPOSE_GROUP, GROUP_TYPE);

ALTER TABLE CM_PURPOSE_PII_CAT_ASSOC ADD COLUMN IF NOT EXISTS IS_MANDATORY INTEGER;
UPDATE CM_PURPOSE_PII_CAT_ASSOC SET IS_MANDATORY = 1 WHERE IS_MANDATORY IS NULL;
ALTER TABLE CM_PURPOSE_PII_CAT_ASSOC ALTER COLUMN IS_MANDATORY SET NOT NULL;
