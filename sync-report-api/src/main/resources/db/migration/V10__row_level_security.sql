-- Row-level security (issue 8): the database itself keeps tenants apart. The application never connects as the owner
-- of these tables (the role Flyway runs as) but as two roles without BYPASSRLS, created beforehand (sync-report-api
-- README, "Database roles"):
--   productsync_web    the API and the pages: reads only, and only the rows of the tenant its transaction has set
--                      (SELECT set_config('productsync.tenant_id', <tenant>, true)); none set = no rows at all.
--   productsync_ingest the Kafka projections, which apply events of every tenant in one batch: all rows, and the only
--                      role that writes (the counts' triggers of V8 run as it, so it writes product_sync_counts too).
-- FORCE makes the policies bind the owner as well, who has none: a later migration that changes rows must turn FORCE
-- off for its table and on again inside its transaction (ALTER TABLE ... NO FORCE / FORCE ROW LEVEL SECURITY).
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'productsync_web')
            OR NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'productsync_ingest') THEN
        RAISE EXCEPTION 'the roles productsync_web and productsync_ingest must exist before migration V10: create them'
            ' with the SQL under "Database roles" in sync-report-api/README.md';
    END IF;
END
$$;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['product_sync', 'product_sync_counts', 'cart_cycles', 'carts', 'wms_connections',
                             'aliases', 'wms_skus', 'snapshot_holds'] LOOP
        EXECUTE format('GRANT SELECT ON %I TO productsync_web', t);
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO productsync_ingest', t);
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_rows ON %I FOR SELECT TO productsync_web'
                       ' USING (tenant_id = current_setting(''productsync.tenant_id'', true))', t);
        EXECUTE format('CREATE POLICY all_rows ON %I TO productsync_ingest USING (true) WITH CHECK (true)', t);
    END LOOP;
END
$$;
