package io.productsync.matcher.matching;

import io.productsync.events.CartCycleVerified;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.processor.StreamPartitioner;

/** A cycle verdict goes to the partition it names: the one whose SKU results it speaks for. */
final class VerdictPartition implements StreamPartitioner<String, CartCycleVerified> {

    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, CartCycleVerified verdict, int numPartitions) {
        return Optional.of(Set.of(verdict.partition()));
    }
}
