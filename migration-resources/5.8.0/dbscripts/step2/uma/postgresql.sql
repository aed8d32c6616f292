-- IS 5.7.0 -> 5.8.0, UMA tables (in the identity database by default), PostgreSQL: IDN_UMA_PERMISSION_TICKET.TOKEN_ID,
-- the access token a permission ticket was exchanged for, nullable as in the 5.8.0 release.
-- Re-runnable: IF NOT EXISTS (PostgreSQL 9.6 or later). Adding a nullable column only changes the catalog.

ALTER TABLE IDN_UMA_PERMISSION_TICKET ADD COLUMN IF NOT EXISTS TOKEN_ID VARCHAR(255);
