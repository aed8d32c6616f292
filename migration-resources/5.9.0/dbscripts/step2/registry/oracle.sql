-- IS 5.8.0 -> 5.9.0, shared (registry) database, Oracle: what carbon-kernel 4.5.1 changed in REG_* tables, which is
-- only the constraint UNIQUE_REG_PATH_TENANT_ID: a path appears once per tenant.
-- preconditions.yaml beside this script stops the run first if a path appears twice in one tenant.
-- Re-runnable: the block ignores only ORA-02261 (a UNIQUE key on these columns exists) and ORA-02264 (the
-- constraint name exists); any other error is raised.
-- Not online: ADD CONSTRAINT UNIQUE locks REG_PATH against writes while it validates the rows and builds its index
-- (Enterprise Edition could build the index with CREATE UNIQUE INDEX ... ONLINE first and add the constraint USING
-- it); plan a maintenance window for a large registry.

BEGIN
    EXECUTE IMMEDIATE 'ALTER TABLE REG_PATH ADD CONSTRAINT UNIQUE_REG_PATH_TENANT_ID UNIQUE (REG_PATH_VALUE, REG_TENANT_ID)';
EXCEPTION WHEN OTHERS THEN IF SQLCODE NOT IN (-2261, -2264) THEN RAISE; END IF;
END;
/
