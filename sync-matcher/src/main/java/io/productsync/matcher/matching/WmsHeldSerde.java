package io.productsync.matcher.matching;

import io.productsync.events.WmsInventoryObserved;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.UUID;

/** The WMS row store's values in binary: a row is written for each WMS change and read for each decision it feeds. */
final class WmsHeldSerde extends BinaryStoreSerde<WmsHeld> {

    WmsHeldSerde() {
        super(WmsHeld.class, "a WMS row store row");
    }

    @Override
    void write(DataOutputStream out, WmsHeld held) throws IOException {
        out.writeBoolean(held.gone());
        if (held.gone()) {
            out.writeLong(held.goneAtMillis());
            return;
        }
        WmsInventoryObserved row = held.row();
        out.writeLong(row.eventId().getMostSignificantBits());
        out.writeLong(row.eventId().getLeastSignificantBits());
        out.writeUTF(row.tenantId());
        out.writeUTF(row.wmsId());
        out.writeUTF(row.sku());
        out.writeLong(row.available());
        out.writeLong(row.observedAt().getEpochSecond());
        out.writeInt(row.observedAt().getNano());
    }

    @Override
    WmsHeld read(DataInputStream in) throws IOException {
        if (in.readBoolean()) {
            return WmsHeld.goneAt(in.readLong());
        }
        return WmsHeld.observed(new WmsInventoryObserved(
                new UUID(in.readLong(), in.readLong()),
                in.readUTF(),
                in.readUTF(),
                in.readUTF(),
                in.readLong(),
                Instant.ofEpochSecond(in.readLong(), in.readInt())));
    }
}
