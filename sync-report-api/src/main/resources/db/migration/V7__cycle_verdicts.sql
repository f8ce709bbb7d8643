-- A cycle verdict (CartCycleVerified) speaks for the SKUs of one partition of sync-results: each row keeps the
-- partition its latest result came from. Rows written before this migration have none and wait for their next result.
ALTER TABLE product_sync ADD COLUMN source_partition integer;

-- The verdict's set-based UPDATE reads one cart's rows of one partition.
CREATE INDEX product_sync_by_partition ON product_sync (tenant_id, cart_id, source_partition);

-- The latest verdict per cart: when its last full cycle finished (the carts page and the summary).
CREATE TABLE cart_cycles (
    tenant_id    text        NOT NULL,
    cart_id      text        NOT NULL,
    cycle_at     timestamptz NOT NULL,
    completed_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, cart_id)
);
