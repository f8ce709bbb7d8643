-- The application's two database roles, for the embedded PostgreSQL of the local run and the tests (its superuser
-- runs this before Flyway; local connections need no password there). A real cluster's operator creates them with
-- passwords instead: sync-report-api README, "Database roles".
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'productsync_web') THEN
        CREATE ROLE productsync_web LOGIN NOSUPERUSER NOBYPASSRLS;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'productsync_ingest') THEN
        CREATE ROLE productsync_ingest LOGIN NOSUPERUSER NOBYPASSRLS;
    END IF;
END
$$;
