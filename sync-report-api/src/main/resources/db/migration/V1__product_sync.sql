-- The View Product Sync read model: one row per cart SKU, written only by the sync-results listener.
-- SKUs and aliases use the "C" collation: byte order makes keyset paging and prefix ranges exact.
CREATE TABLE product_sync (
    tenant_id           text        NOT NULL,
    cart_id             text        NOT NULL,
    sku                 text        COLLATE "C" NOT NULL,
    inventory_enabled   boolean     NOT NULL,
    outcome             text        NOT NULL,
    reason              text,
    detail              text,
    matched_wms_sku     text,
    matched_via         text,
    cart_quantity       bigint,
    wms_quantity        bigint,
    pushed_quantity     bigint,
    last_cart_sync_date timestamptz,
    evaluated_at        timestamptz NOT NULL,
    event_id            uuid        NOT NULL,
    PRIMARY KEY (tenant_id, cart_id, sku)
);

-- Never-synced rows are a small part of a healthy cart: the never filter pages through this index...
CREATE INDEX product_sync_never ON product_sync (tenant_id, cart_id, sku)
    WHERE last_cart_sync_date IS NULL;

-- ...and the summary and the never+reason filter use this one, neither scanning the whole cart.
CREATE INDEX product_sync_never_by_reason ON product_sync (tenant_id, cart_id, reason, sku)
    WHERE last_cart_sync_date IS NULL;

-- Connected carts, from the compacted cart-connections topic.
CREATE TABLE carts (
    tenant_id         text        NOT NULL,
    cart_id           text        NOT NULL,
    wms_id            text        NOT NULL,
    cart_sync_enabled boolean     NOT NULL,
    wms_sync_enabled  boolean     NOT NULL,
    poll_interval     interval    NOT NULL,
    configured_at     timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, cart_id)
);

-- Product aliases, from the compacted product-aliases topic.
CREATE TABLE aliases (
    tenant_id  text        NOT NULL,
    alias      text        COLLATE "C" NOT NULL,
    wms_sku    text        NOT NULL,
    kind       text        NOT NULL,
    changed_at timestamptz,
    PRIMARY KEY (tenant_id, alias)
);
