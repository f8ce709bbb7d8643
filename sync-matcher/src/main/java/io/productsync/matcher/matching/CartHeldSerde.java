package io.productsync.matcher.matching;

import io.productsync.events.CartInventoryObserved;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.UUID;

/** The cart store's values in binary: a cart SKU is written for each of its observations and read for each decision. */
final class CartHeldSerde extends BinaryStoreSerde<CartHeld> {

    CartHeldSerde() {
        super(CartHeld.class, "a cart store row");
    }

    @Override
    void write(DataOutputStream out, CartHeld held) throws IOException {
        out.writeBoolean(held.gone());
        if (held.gone()) {
            out.writeLong(held.goneAtMillis());
            return;
        }
        CartInventoryObserved observation = held.observation();
        out.writeLong(observation.eventId().getMostSignificantBits());
        out.writeLong(observation.eventId().getLeastSignificantBits());
        out.writeUTF(observation.tenantId());
        out.writeUTF(observation.cartId());
        out.writeUTF(observation.sku());
        out.writeBoolean(observation.inventoryTracked());
        out.writeBoolean(observation.productActive());
        out.writeLong(observation.quantity());
        out.writeLong(observation.observedAt().getEpochSecond());
        out.writeInt(observation.observedAt().getNano());
        out.writeInt(observation.listings());
    }

    @Override
    CartHeld read(DataInputStream in) throws IOException {
        if (in.readBoolean()) {
            return CartHeld.goneAt(in.readLong());
        }
        return CartHeld.observed(new CartInventoryObserved(
                new UUID(in.readLong(), in.readLong()),
                in.readUTF(),
                in.readUTF(),
                in.readUTF(),
                in.readBoolean(),
                in.readBoolean(),
                in.readLong(),
                Instant.ofEpochSecond(in.readLong(), in.readInt()),
                in.readInt()));
    }
}
