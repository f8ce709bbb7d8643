-- Held snapshots, from the compacted inventory-snapshot-holds topic: one row per source (cart or WMS) whose last
-- snapshot's removals the poller holds; a tombstone (the hold ended) deletes the row.
CREATE TABLE snapshot_holds (
    tenant_id            text        NOT NULL,
    source_kind          text        NOT NULL,
    source_id            text        NOT NULL,
    reason               text        NOT NULL,
    live_skus            bigint      NOT NULL,
    missing_skus         bigint      NOT NULL,
    held_cycles          integer     NOT NULL,
    release_after_cycles integer     NOT NULL,
    held_since           timestamptz NOT NULL,
    observed_at          timestamptz NOT NULL,
    event_id             uuid        NOT NULL,
    PRIMARY KEY (tenant_id, source_kind, source_id)
);

-- An alias may not be the target of another (aliases resolve in one hop): the PUT check looks targets up here.
CREATE INDEX aliases_by_wms_sku ON aliases (tenant_id, wms_sku);
