package io.productsync.matcher.matching;

import io.productsync.events.JsonSerde;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A store's values in a compact binary form, a format byte first: the matcher reads and writes them for each decision,
 * and JSON (instants as ISO-8601 text above all) cost more than the rest of a read. Values written as JSON before this
 * form existed (they start with '{') are still read.
 */
abstract class BinaryStoreSerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {

    private static final byte BINARY = 1;

    private final JsonSerde<T> json;
    private final String what;

    /** {@code what} names a value in errors, such as "a cart store row". */
    BinaryStoreSerde(Class<T> type, String what) {
        this.json = JsonSerde.of(type);
        this.what = what;
    }

    abstract void write(DataOutputStream out, T value) throws IOException;

    abstract T read(DataInputStream in) throws IOException;

    @Override
    public final byte[] serialize(String topic, T value) {
        if (value == null) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(96);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(BINARY);
            write(out, value);
        } catch (IOException e) {
            throw new SerializationException("cannot write " + what, e);
        }
        return bytes.toByteArray();
    }

    @Override
    public final T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length > 0 && data[0] == '{') {
            return json.deserialize(topic, data);
        }
        if (data.length == 0 || data[0] != BINARY) {
            throw new SerializationException("not " + what + ": unknown format");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data, 1, data.length - 1))) {
            return read(in);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("not " + what + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {}

    @Override
    public void close() {}

    @Override
    public Serializer<T> serializer() {
        return this;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this;
    }
}
