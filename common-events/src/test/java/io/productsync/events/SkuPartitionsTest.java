package io.productsync.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

class SkuPartitionsTest {

    private static final int PARTITIONS = 6;
    private static final Node BROKER = new Node(0, "localhost", 9092);

    private final SkuPartitioner partitioner = new SkuPartitioner();
    private final Cluster cluster =
            cluster(Topics.CART_INVENTORY.name(), Topics.WMS_INVENTORY.name(), Topics.CART_CONNECTIONS.name());

    @Test
    void aCartSkuAndTheWmsSkuOfTheSameNameShareAPartitionWhateverTheCartOrWms() {
        List<Integer> partitions = IntStream.range(0, 200)
                .mapToObj(i -> "SKU-%03d".formatted(i))
                .map(sku -> List.of(
                        partition(Topics.CART_INVENTORY, "acme/shop/" + sku),
                        partition(Topics.CART_INVENTORY, "acme/outlet/" + sku),
                        partition(Topics.WMS_INVENTORY, "acme/main/" + sku),
                        SkuPartitions.of("acme", sku, PARTITIONS)))
                .peek(same -> assertThat(Set.copyOf(same)).hasSize(1))
                .map(same -> same.get(0))
                .toList();
        // Spread over every partition, as Kafka's default partitioner spreads keys.
        assertThat(Set.copyOf(partitions)).hasSize(PARTITIONS);
    }

    @Test
    void isKafkasDefaultHashOfTenantAndSkuWithSlashesInTheSku() {
        String tenantSku = "acme/Bag/Blue L";
        int expected = Utils.toPositive(Utils.murmur2(tenantSku.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;

        assertThat(SkuPartitions.ofKey("acme/shop/Bag/Blue L", PARTITIONS)).isEqualTo(expected);
        assertThat(SkuPartitions.of("acme", "Bag/Blue L", PARTITIONS)).isEqualTo(expected);
    }

    @Test
    void placesOtherTopicsAndKeysThatAreNotSkuKeysAsKafkasDefaultDoes() {
        assertThat(partition(Topics.CART_CONNECTIONS, "acme/shop")).isEqualTo(byWholeKey("acme/shop"));
        assertThat(partition(Topics.CART_INVENTORY, "acme/shop")).isEqualTo(byWholeKey("acme/shop"));
        assertThatThrownBy(() -> SkuPartitions.ofKey("acme/shop", PARTITIONS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not tenant/owner/sku");
    }

    private int partition(Topic<String, ?> topic, String key) {
        return partitioner.partition(topic.name(), key, key.getBytes(StandardCharsets.UTF_8), null, null, cluster);
    }

    private static int byWholeKey(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
    }

    private static Cluster cluster(String... topics) {
        List<PartitionInfo> partitions = java.util.Arrays.stream(topics)
                .flatMap(topic -> IntStream.range(0, PARTITIONS)
                        .mapToObj(p -> new PartitionInfo(topic, p, BROKER, new Node[] {BROKER}, new Node[] {BROKER})))
                .toList();
        return new Cluster("test", List.of(BROKER), partitions, Set.of(), Set.of());
    }
}
