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
        properties = {
            "spring.config.name=inventory-poller",
            "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
            "productsync.kafka.partitions=2",
            "productsync.sandbox.dir=${java.io.tmpdir}/sandbox-${random.uuid}",
            "productsync.poller.state-dir=${java.io.tmpdir}/poller-state-${random.uuid}",
            "productsync.sandbox.poll-interval=200ms",
            "productsync.sandbox.page-size=2",
            "productsync.poller.tick=50ms",
            "productsync.poller.progress-every=2"
        })
@EmbeddedKafka(partitions = 2)
@Import(FakeConnectors.class)
public @interface PollerKafkaTest {}
