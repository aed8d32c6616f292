-- IS 5.8.0 -> 5.9.0, shared (user-management) database, H2: what carbon-kernel 4.5.1 changed in UM_* tables.
-- UM_DOMAIN.UM_DOMAIN_NAME, UM_HYBRID_ROLE.UM_ROLE_NAME and UM_SYSTEM_ROLE.UM_ROLE_NAME become NOT NULL and unique
-- per tenant, and UM_HYBRID_ROLE gets the index UM_ROLE_NAME_IND.
-- preconditions.yaml beside this script stops the run first if a name is NULL or appears twice in one tenant.
-- The release leaves the UNIQUE constraints unnamed (H2 generates CONSTRAINT_xx, different in every database); here
-- they are named UC_<table>, the names the official migration client chose, so that a re-run can find them.
-- Re-runnable: SET NOT NULL on a NOT NULL column changes nothing, and the rest is IF NOT EXISTS.

ALTER TABLE UM_DOMAIN ALTER COLUMN UM_DOMAIN_NAME SET NOT NULL;
ALTER TABLE UM_DOMAIN ADD CONSTRAINT IF NOT EXISTS UC_UM_DOMAIN UNIQUE (UM_DOMAIN_NAME, UM_TENANT_ID);

ALTER TABLE UM_HYBRID_ROLE ALTER COLUMN UM_ROLE_NAME SET NOT NULL;
ALTER TABLE UM_HYBRID_ROLE ADD CONSTRAINT IF NOT EXISTS UC_UM_HYBRID_ROLE UNIQUE (UM_ROLE_NAME, UM_TENANT_ID);
CREATE INDEX IF NOT EXISTS UM_ROLE_NAME_IND ON UM_HYBRID_ROLE (UM_ROLE_NAME);

ALTER TABLE UM_SYSTEM_ROLE ALTER COLUMN UM_ROLE_NAME SET NOT NULL;
ALTER TABLE UM_SYSTEM_ROLE ADD CONSTRAINT IF NOT EXISTS UC_UM_SYSTEM_ROLE UNIQUE (UM_ROLE_NAME, UM_TENANT_ID);
