package io.productsync.poller.system;

import io.productsync.events.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The topics this service writes, plus the dead-letter topics of those it reads. The topics it only reads are
 * declared by their writers (pushes by the sync-matcher, confirmations by sync-report-api), so a different partition
 * setting here can never change their layout; {@code sync-results} is declared by its main writer, the sync-matcher,
 * though the push applier writes to it too. A listener on a topic not yet created waits for it.
 */
@Configuration(proxyBeanMethods = false)
class PollerTopics {

    @Bean
    KafkaAdmin.NewTopics declaredTopics(PollerSettings settings) {
        int partitions = settings.kafka().partitions();
        short replication = settings.kafka().replicationFactor();
        return new KafkaAdmin.NewTopics(
                Topics.CART_INVENTORY.declaration(partitions, replication),
                Topics.WMS_INVENTORY.declaration(partitions, replication),
                Topics.CART_CONNECTIONS.declaration(partitions, replication),
                Topics.INVENTORY_SNAPSHOT_HOLDS.declaration(partitions, replication),
                Topics.CART_INVENTORY_PUSHES.deadLetterDeclaration(partitions, replication),
                Topics.SNAPSHOT_REMOVAL_CONFIRMATIONS.deadLetterDeclaration(partitions, replication));
    }
}
