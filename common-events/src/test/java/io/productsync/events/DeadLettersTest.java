package io.productsync.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class DeadLettersTest {

    @Test
    void reasonIsTheSerdesMessageWhateverWrapsIt() {
        SerializationException serde = new SerializationException(
                "not a valid WmsInventoryObserved on wms-inventory: sku is required", new IllegalStateException("x"));
        RuntimeException wrapped = new RuntimeException("listener failed", new IllegalStateException("wrapper", serde));

        Headers headers = DeadLetters.addTo(new RecordHeaders(), "wms-inventory", 3, 42L, wrapped);

        assertThat(header(headers, DeadLetters.REASON))
                .isEqualTo("not a valid WmsInventoryObserved on wms-inventory: sku is required");
        assertThat(header(headers, DeadLetters.EXCEPTION)).isEqualTo(SerializationException.class.getName());
        assertThat(header(headers, DeadLetters.SOURCE_TOPIC)).isEqualTo("wms-inventory");
        assertThat(header(headers, DeadLetters.SOURCE_PARTITION)).isEqualTo("3");
        assertThat(header(headers, DeadLetters.SOURCE_OFFSET)).isEqualTo("42");
    }

    @Test
    void reasonIsTheOutermostValidationMessageBeforeTheRootCause() {
        IllegalArgumentException badKey = new IllegalArgumentException(
                "bad key on cart-inventory: tenantId 'A' must match [a-z0-9][a-z0-9_-]{0,63}",
                new IllegalArgumentException("tenantId 'A' must match [a-z0-9][a-z0-9_-]{0,63}"));

        assertThat(DeadLetters.reason(new RuntimeException(badKey)))
                .isEqualTo("bad key on cart-inventory: tenantId 'A' must match [a-z0-9][a-z0-9_-]{0,63}");
    }

    @Test
    void reasonFallsBackToTheRootCauseAndItsClassWhenItHasNoMessage() {
        assertThat(DeadLetters.reason(new RuntimeException("outer", new IllegalStateException("disk full"))))
                .isEqualTo("disk full");
        assertThat(DeadLetters.reason(new RuntimeException("outer", new NullPointerException())))
                .isEqualTo("NullPointerException");
    }

    @Test
    void compactedTopicsAreDeclaredCompactedAndTheirDeadLettersAreNot() {
        NewTopic aliases = Topics.PRODUCT_ALIASES.declaration(6, (short) 1);
        NewTopic deadLetters = Topics.PRODUCT_ALIASES.deadLetterDeclaration(6, (short) 1);

        assertThat(aliases.name()).isEqualTo("product-aliases");
        assertThat(aliases.numPartitions()).isEqualTo(6);
        assertThat(aliases.configs())
                .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                .containsEntry(TopicConfig.SEGMENT_MS_CONFIG, "3600000")
                .containsEntry(TopicConfig.DELETE_RETENTION_MS_CONFIG, "604800000");
        assertThat(deadLetters.name()).isEqualTo("product-aliases-dlt");
        assertThat(deadLetters.configs())
                .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE)
                .containsEntry(TopicConfig.RETENTION_MS_CONFIG, "1209600000");
    }

    @Test
    void everyTopicBoundsItsDiskByKeysOrByTime() {
        assertThat(Topics.ALL).allSatisfy(topic -> {
            Map<String, String> configs = topic.declaration(3, (short) 1).configs();
            assertThat(configs).containsKey(TopicConfig.SEGMENT_MS_CONFIG);
            assertThat(topic.compacted() || configs.containsKey(TopicConfig.RETENTION_MS_CONFIG))
                    .as(topic.name())
                    .isTrue();
        });
        assertThat(Topics.CART_INVENTORY.compacted()).isTrue();
        assertThat(Topics.SYNC_RESULTS.compacted()).isTrue();
        assertThat(Topics.CART_INVENTORY_PUSHES.declaration(3, (short) 1).configs())
                .containsEntry(TopicConfig.RETENTION_MS_CONFIG, "86400000");
    }

    @Test
    void findsCatalogueTopicsByName() {
        assertThat(Topics.named("cart-inventory-pushes")).isSameAs(Topics.CART_INVENTORY_PUSHES);
        assertThatThrownBy(() -> Topics.named("nope")).hasMessageContaining("no topic named 'nope'");
    }

    private static String header(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
