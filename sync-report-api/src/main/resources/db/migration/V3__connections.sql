-- Connections configured through the API: a cart's platform, settings and sealed credentials (rows written before
-- platforms existed are sandbox carts without settings or credentials)...
ALTER TABLE carts
    ADD COLUMN platform           text        NOT NULL DEFAULT 'sandbox',
    ADD COLUMN settings           jsonb       NOT NULL DEFAULT '{}',
    ADD COLUMN sealed_credentials text,
    ADD COLUMN credentials_set_at timestamptz;

-- ...and connected WMSes, from the compacted wms-connections topic.
CREATE TABLE wms_connections (
    tenant_id          text        NOT NULL,
    wms_id             text        NOT NULL,
    platform           text        NOT NULL,
    settings           jsonb       NOT NULL,
    sealed_credentials text,
    credentials_set_at timestamptz,
    configured_at      timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, wms_id)
);

-- A WMS may not be disconnected while a cart names it: the DELETE check finds those carts here.
CREATE INDEX carts_by_wms ON carts (tenant_id, wms_id);
