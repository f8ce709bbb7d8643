-- The SKUs each WMS holds now, from wms-inventory (a tombstone removes one): the read model behind alias suggestions.
-- normalized is the SKU without case, spaces, dashes and leading zeros; a suggestion is one lookup on its index.
CREATE TABLE wms_skus (
    tenant_id  text NOT NULL,
    wms_id     text NOT NULL,
    sku        text COLLATE "C" NOT NULL,
    normalized text COLLATE "C" NOT NULL,
    PRIMARY KEY (tenant_id, wms_id, sku)
);

CREATE INDEX wms_skus_by_normalized ON wms_skus (tenant_id, normalized);

-- The aliases page searches by WMS SKU prefix: a byte-order range on this index.
CREATE INDEX aliases_by_wms_sku_bytes ON aliases (tenant_id, (wms_sku COLLATE "C"));
