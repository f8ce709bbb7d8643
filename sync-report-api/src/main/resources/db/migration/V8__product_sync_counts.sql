-- Per-cart counts of product_sync by what the summary shows (never synced or not, the reason, failed or not), kept
-- by statement triggers in the transaction that changes the rows, whoever changes them: the summary reads a handful
-- of rows instead of counting the cart (issue 7, B5). reason '' = none.
CREATE TABLE product_sync_counts (
    tenant_id text    NOT NULL,
    cart_id   text    NOT NULL,
    never     boolean NOT NULL,
    reason    text    NOT NULL,
    failed    boolean NOT NULL,
    n         bigint  NOT NULL,
    PRIMARY KEY (tenant_id, cart_id, never, reason, failed)
);

INSERT INTO product_sync_counts
SELECT tenant_id, cart_id, last_cart_sync_date IS NULL, coalesce(reason, ''), outcome = 'FAILED', count(*)
FROM product_sync
GROUP BY 1, 2, 3, 4, 5;

-- One aggregate per statement over its transition tables: +1 for each new row, -1 for each old one, so a row that
-- changes bucket moves between counts and one that stays (a verdict moving a synced date) nets zero and is not
-- written. Count rows are written in key order, so two writers of one cart wait for each other, never deadlock.
-- (Dynamic SQL: an INSERT trigger has no old table, a DELETE trigger no new one.)
CREATE FUNCTION product_sync_count_changes() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    added   text := 'SELECT tenant_id, cart_id, last_cart_sync_date IS NULL AS never, coalesce(reason, '''') AS reason,'
                 || ' outcome = ''FAILED'' AS failed, 1 AS d FROM product_sync_new';
    removed text := 'SELECT tenant_id, cart_id, last_cart_sync_date IS NULL AS never, coalesce(reason, '''') AS reason,'
                 || ' outcome = ''FAILED'' AS failed, -1 AS d FROM product_sync_old';
BEGIN
    EXECUTE format($sql$
        INSERT INTO product_sync_counts AS c (tenant_id, cart_id, never, reason, failed, n)
        SELECT tenant_id, cart_id, never, reason, failed, sum(d) FROM (%s) changes
        GROUP BY 1, 2, 3, 4, 5
        HAVING sum(d) <> 0
        ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT (tenant_id, cart_id, never, reason, failed) DO UPDATE SET n = c.n + excluded.n
        $sql$,
        CASE TG_OP WHEN 'INSERT' THEN added WHEN 'DELETE' THEN removed ELSE added || ' UNION ALL ' || removed END);
    RETURN NULL;
END
$$;

CREATE TRIGGER product_sync_counted_inserts AFTER INSERT ON product_sync
    REFERENCING NEW TABLE AS product_sync_new
    FOR EACH STATEMENT EXECUTE FUNCTION product_sync_count_changes();

CREATE TRIGGER product_sync_counted_updates AFTER UPDATE ON product_sync
    REFERENCING OLD TABLE AS product_sync_old NEW TABLE AS product_sync_new
    FOR EACH STATEMENT EXECUTE FUNCTION product_sync_count_changes();

CREATE TRIGGER product_sync_counted_deletes AFTER DELETE ON product_sync
    REFERENCING OLD TABLE AS product_sync_old
    FOR EACH STATEMENT EXECUTE FUNCTION product_sync_count_changes();

-- TRUNCATE fires no row or statement trigger of the kinds above: it empties the counts with the table.
CREATE FUNCTION product_sync_counts_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM product_sync_counts;
    RETURN NULL;
END
$$;

CREATE TRIGGER product_sync_counted_truncate AFTER TRUNCATE ON product_sync
    FOR EACH STATEMENT EXECUTE FUNCTION product_sync_counts_truncated();
