-- V9's tables under V10's roles. api_keys is a tenant table like the others: the web role sees and changes only the
-- keys of the tenant its transaction has set (create, list, revoke: an admin's request). Who is calling is known only
-- after the key is found, so the lookup by hash and the batched last-used writes are the ingest role's, as is
-- local_accounts (the operator's password hash, read at sign-in and written on the first start).
ALTER TABLE api_keys ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE ON api_keys TO productsync_web;
GRANT SELECT, UPDATE ON api_keys TO productsync_ingest;
CREATE POLICY tenant_rows ON api_keys TO productsync_web
    USING (tenant_id = current_setting('productsync.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('productsync.tenant_id', true));
CREATE POLICY all_rows ON api_keys TO productsync_ingest USING (true) WITH CHECK (true);

GRANT SELECT, INSERT, UPDATE ON local_accounts TO productsync_ingest;
