-- IS 5.7.0 -> 5.8.0, UMA tables (in the identity database by default), SQL Server: IDN_UMA_PERMISSION_TICKET.TOKEN_ID,
-- the access token a permission ticket was exchanged for, nullable as in the 5.8.0 release.
-- Re-runnable: added only IF NOT EXISTS in sys.columns. Adding a nullable column only changes metadata.

IF NOT EXISTS (SELECT 1 FROM sys.columns WHERE object_id = OBJECT_ID(N'IDN_UMA_PERMISSION_TICKET') AND name = N'TOKEN_ID')
ALTER TABLE IDN_UMA_PERMISSION_TICKET ADD TOKEN_ID VARCHAR(255) NULL
GO
