-- IS 5.8.0 -> 5.9.0, shared (user-management) database, Oracle: what carbon-kernel 4.5.1 changed in UM_* tables.
-- UM_DOMAIN.UM_DOMAIN_NAME, UM_HYBRID_ROLE.UM_ROLE_NAME and UM_SYSTEM_ROLE.UM_ROLE_NAME become NOT NULL and unique
-- per tenant, and UM_HYBRID_ROLE gets the index UM_ROLE_NAME_IND.
-- preconditions.yaml beside this script stops the run first if a name is NULL or appears twice in one tenant.
-- The release leaves the UNIQUE constraints unnamed (Oracle generates SYS_Cnnnn); here they are named UC_<table>,
-- the names the official migration client chose, so that a re-run can recognise them.
-- Re-runnable: each statement runs in a block that ignores only the error saying it is done already:
-- ORA-01442 (column already NOT NULL), ORA-02261 (a UNIQUE key on these columns exists), ORA-02264 (the constraint
-- name exists), ORA-00955 (the index name exists); any other error is raised.
-- Not online: MODIFY ... NOT NULL and ADD CONSTRAINT UNIQUE lock the table against writes while they validate the
-- rows and build the index (Enterprise Edition could build the index with CREATE UNIQUE INDEX ... ONLINE first); the
-- UM_ tables hold one row per role or domain, so this takes moments.

BEGIN
    EXECUTE IMMEDIATE 'ALTER TABLE UM_DOMAIN MODIFY (UM_DOMAIN_NAME NOT NULL)';
EXCEPTION WHEN OTHERS THEN IF SQLCODE != -1442 THEN RAISE; END IF;
END;
/
BEGIN
    EXECUTE IMMEDIATE 'ALTER TABLE UM_DOMAIN ADD CONSTRAINT UC_UM_DOMAIN UNIQUE (UM_DOMAIN_NAME, UM_TENANT_ID)';
EXCEPTION WHEN OTHERS THEN IF SQLCODE NOT IN (-2261, -2264) THEN RAISE; END IF;
END;
/

BEGIN
    EXECUTE IMMEDIATE 'ALTER TABLE UM_HYBRID_ROLE MODIFY (UM_ROLE_NAME NOT NULL)';
EXCEPTION WHEN OTHERS THEN IF SQLCODE != -1442 THEN RAISE; END IF;
END;
/
BEGIN
    EXECUTE IMMEDIATE 'ALTER TABLE UM_HYBRID_ROLE ADD CONSTRAINT UC_UM_HYBRID_ROLE UNIQUE (UM_ROLE_NAME, UM_TENANT_ID)';
EXCEPTION WHEN OTHERS THEN IF SQLCODE NOT IN (-2261, -2264) THEN RAISE; END IF;
END;
/
BEGIN
    EXECUTE IMMEDIATE 'CREATE INDEX UM_ROLE_NAME_IND ON UM_HYBRID_ROLE (UM_ROLE_NAME)';
EXCEPTION WHEN OTHERS THEN IF SQLCODE != -955 THEN RAISE; END IF;
END;
/

BEGIN
    EXECUTE IMMEDIATE 'ALTER TABLE UM_SYSTEM_ROLE MODIFY (UM_ROLE_NAME NOT NULL)';
EXCEPTION WHEN OTHERS THEN IF SQLCODE != -1442 THEN RAISE; END IF;
END;
/
BEGIN
    EXECUTE IMMEDIATE 'ALTER TABLE UM_SYSTEM_ROLE ADD CONSTRAINT UC_UM_SYSTEM_ROLE UNIQUE (UM_ROLE_NAME, UM_TENANT_ID)';
EXCEPTION WHEN OTHERS THEN IF SQLCODE NOT IN (-2261, -2264) THEN RAISE; END IF;
END;
/
