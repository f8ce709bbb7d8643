package io.productsync.matcher.matching;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.streams.processor.StreamPartitioner;

/** Multicast (KIP-837): one copy of the record on each partition of the topic. */
final class EveryPartition<V> implements StreamPartitioner<String, V> {

    /** The set for the last partition count asked: the same for every record (shared by threads, hence immutable). */
    private volatile Optional<Set<Integer>> every = Optional.of(Set.of());

    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, V value, int numPartitions) {
        Optional<Set<Integer>> partitions = every;
        if (partitions.orElseThrow().size() != numPartitions) {
            partitions = Optional.of(IntStream.range(0, numPartitions).boxed().collect(Collectors.toUnmodifiableSet()));
            every = partitions;
        }
        return partitions;
    }
}
