-- IS 5.8.0 -> 5.9.0, shared (registry) database, DB2: what carbon-kernel 4.5.1 changed in REG_* tables, which is
-- only the constraint UNIQUE_REG_PATH_TENANT_ID: a path appears once per tenant.
-- preconditions.yaml beside this script stops the run first if a path appears twice in one tenant.
-- Re-runnable: the compound statement ignores only SQLSTATE 42710 (the name exists already).
-- Not online: ADD CONSTRAINT builds its unique index while holding a lock that blocks writes to REG_PATH.

BEGIN
    DECLARE CONTINUE HANDLER FOR SQLSTATE '42710' BEGIN END;
    EXECUTE IMMEDIATE 'ALTER TABLE REG_PATH ADD CONSTRAINT UNIQUE_REG_PATH_TENANT_ID UNIQUE (REG_PATH_VALUE, REG_TENANT_ID)';
END
/
