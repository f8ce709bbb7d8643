package io.productsync.matcher.matching;

import io.productsync.events.CartInventoryObserved;
import io.productsync.events.JsonSerde;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The cart store's values in a compact binary form: a cart SKU is written for each of its observations and read for
 * each decision about it, and JSON (instants as ISO-8601 text above all) cost more than the rest of a read. Rows
 * written as JSON before this form existed (they start with '{') are still read.
 */
final class CartHeldSerde implements Serde<CartHeld>, Serializer<CartHeld>, Deserializer<CartHeld> {

    private static final byte BINARY = 1;
    private static final JsonSerde<CartHeld> JSON = JsonSerde.of(CartHeld.class);

    @Override
    public byte[] serialize(String topic, CartHeld held) {
        if (held == null) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(96);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(BINARY);
            out.writeBoolean(held.gone());
            if (held.gone()) {
                out.writeLong(held.goneAtMillis());
            } else {
                write(out, held.observation());
            }
        } catch (IOException e) {
            throw new SerializationException("cannot write a cart store row", e);
        }
        return bytes.toByteArray();
    }

    @Override
    public CartHeld deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length > 0 && data[0] == '{') {
            return JSON.deserialize(topic, data);
        }
        if (data.length == 0 || data[0] != BINARY) {
            throw new SerializationException("not a cart store row: unknown format");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data, 1, data.length - 1))) {
            return in.readBoolean() ? CartHeld.goneAt(in.readLong()) : CartHeld.observed(read(in));
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("not a cart store row: " + e.getMessage(), e);
        }
    }

    private static void write(DataOutputStream out, CartInventoryObserved observation) throws IOException {
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

    private static CartInventoryObserved read(DataInputStream in) throws IOException {
        return new CartInventoryObserved(
                new UUID(in.readLong(), in.readLong()),
                in.readUTF(),
                in.readUTF(),
                in.readUTF(),
                in.readBoolean(),
                in.readBoolean(),
                in.readLong(),
                Instant.ofEpochSecond(in.readLong(), in.readInt()),
                in.readInt());
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {}

    @Override
    public void close() {}

    @Override
    public Serializer<CartHeld> serializer() {
        return this;
    }

    @Override
    public Deserializer<CartHeld> deserializer() {
        return this;
    }
}
