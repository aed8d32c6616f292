-- IS 5.7.0 -> 5.8.0, UMA tables (in the identity database by default), MariaDB: IDN_UMA_PERMISSION_TICKET.TOKEN_ID,
-- the access token a permission ticket was exchanged for, nullable as in the 5.8.0 release.
-- Re-runnable: ADD COLUMN IF NOT EXISTS (MariaDB 10.0.2 or later).

ALTER TABLE IDN_UMA_PERMISSION_TICKET ADD COLUMN IF NOT EXISTS TOKEN_ID VARCHAR(255);
