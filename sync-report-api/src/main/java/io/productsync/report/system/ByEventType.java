package io.productsync.report.system;

import io.productsync.events.EventTypes;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The values of a topic that carries more than one record type, told apart by the {@link EventTypes#HEADER} header:
 * none is the topic's main type, a type this service knows is read as such, any other type cannot be read (so it is
 * dead-lettered with that reason, like any unreadable record).
 */
final class ByEventType implements Deserializer<Object> {

    private final Deserializer<?> main;
    private final Map<String, Deserializer<?>> others;

    ByEventType(Deserializer<?> main, Map<String, Deserializer<?>> others) {
        this.main = main;
        this.others = others;
    }

    @Override
    public Object deserialize(String topic, byte[] data) {
        return main.deserialize(topic, data);
    }

    @Override
    public Object deserialize(String topic, Headers headers, byte[] data) {
        String type = EventTypes.of(headers);
        if (type == null) {
            return main.deserialize(topic, headers, data);
        }
        Deserializer<?> other = others.get(type);
        if (other == null) {
            throw new SerializationException("unknown " + EventTypes.HEADER + " '" + type + "' on " + topic
                    + ": this service reads no header or one of " + others.keySet());
        }
        return other.deserialize(topic, headers, data);
    }
}
