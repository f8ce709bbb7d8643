package io.productsync.matcher.matching;

import io.productsync.events.CartCycleVerified;
import io.productsync.events.JsonSerde;
import io.productsync.events.Topic;
import io.productsync.events.Topics;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.kstream.Produced;

/**
 * A decision and the partition of its topic it goes to: results, removals and pushes to the task's own partition (its
 * verdicts speak for them), a verdict to the partition it names, a cart SKU sent on to its owner's.
 */
record Addressed(Decision decision, int partition) {

    private static final Serializer<CartCycleVerified> VERDICTS =
            JsonSerde.of(CartCycleVerified.class).serializer();

    private static final Serde<Addressed> SERDE = Serdes.serdeFrom(Addressed::serialize, (topic, bytes) -> {
        throw new UnsupportedOperationException("decisions are only written");
    });

    /** To the partition each names, as the event it carries in its topic's format (removals as tombstones). */
    static Produced<String, Addressed> produced(String name) {
        return Produced.with(Serdes.String(), SERDE)
                .withStreamPartitioner(
                        (topic, key, addressed, numPartitions) -> Optional.of(Set.of(addressed.partition())))
                .withName(name);
    }

    private static byte[] serialize(String topic, Addressed addressed) {
        Decision decision = addressed.decision();
        if (decision instanceof Decision.Result result) {
            return bytes(Topics.SYNC_RESULTS, result.event());
        } else if (decision instanceof Decision.Push push) {
            return bytes(Topics.CART_INVENTORY_PUSHES, push.command());
        } else if (decision instanceof Decision.Verdict verdict) {
            return VERDICTS.serialize(topic, verdict.event());
        } else if (decision instanceof Decision.Reroute reroute) {
            return bytes(RerouteTopics.CART, reroute.observation());
        }
        return null;
    }

    private static <V> byte[] bytes(Topic<String, V> topic, V value) {
        return value == null ? null : topic.valueSerde().serializer().serialize(topic.name(), value);
    }
}
