package io.productsync.report.system;

import io.productsync.events.EventJson;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes any event as our JSON, and raw bytes unchanged: dead letters of records that could not be read are
 * republished exactly as they arrived.
 */
final class EventValueSerializer implements Serializer<Object> {

    @Override
    public byte[] serialize(String topic, Object data) {
        if (data == null || data instanceof byte[]) {
            return (byte[]) data;
        }
        try {
            return EventJson.MAPPER.writeValueAsBytes(data);
        } catch (RuntimeException e) {
            throw new SerializationException("cannot write " + data.getClass().getSimpleName() + " to " + topic, e);
        }
    }
}
