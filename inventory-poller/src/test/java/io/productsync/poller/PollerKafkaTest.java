package io.productsync.poller;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The whole poller against an embedded KRaft broker, polling a fresh sandbox directory every 200 ms. One context (so
 * one broker) serves every test class; tests keep apart by using tenants of their own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        // the webhook endpoint listens on a port of its own per context
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=inventory-poller",
            "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
            "productsync.kafka.partitions=2",
            "productsync.sandbox.dir=${java.io.tmpdir}/sandbox-${random.uuid}",
            "productsync.poller.state-dir=${java.io.tmpdir}/poller-state-${random.uuid}",
            "productsync.sandbox.poll-interval=200ms",
            "productsync.sandbox.page-size=2",
            "productsync.poller.tick=50ms",
            "productsync.poller.progress-every=2",
            // Holds end only by a confirmation or a recovery here, so a test sees a hold before it can be released;
            // RemovalReleaseTest runs a poller of its own with a short release.
            "productsync.poller.removal-guard.release-after-cycles=1000"
        })
// The topics the poller reads or shares are created as their writers would; the broker creates none on its own, so
// every other topic the poller uses must come from its own declarations.
@EmbeddedKafka(
        partitions = 2,
        topics = {"cart-inventory-pushes", "sync-results", "snapshot-removal-confirmations"},
        brokerProperties = "auto.create.topics.enable=false")
@Import(FakeConnectors.class)
public @interface PollerKafkaTest {}
