package io.productsync.poller.push;

import io.productsync.events.PushCartInventory;
import io.productsync.events.Topics;
import io.productsync.poller.connector.ConnectorRegistry;
import io.productsync.poller.snapshot.UnsavedPublications;
import io.productsync.poller.system.PollerSettings;
import io.productsync.poller.system.TopicSender;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

/**
 * Applies {@code cart-inventory-pushes} a poll at a time: grouped by cart, in each cart's batch size ({@link
 * CartPushes}); reports each outcome on {@code sync-results} and, where the cart's answer says what it holds now, on
 * {@code cart-inventory}; sends everything, then waits for all of it, then commits. A throttled cart is not waited for
 * on this thread: the unfinished rest of the poll is nacked, which commits what came before it and pauses the consumer
 * (still polling, so still in the group) until the cart's wait is over, then redelivers it. A pushId already applied is
 * skipped, so the pushes of a redelivered poll that were finished cost nothing; the compare-and-set makes a replay
 * after a crash harmless too.
 */
@Component
final class PushApplier {

    private static final Logger log = LoggerFactory.getLogger(PushApplier.class);
    private static final Duration SEND_RETRY_WAIT = Duration.ofSeconds(5);
    private static final LogAccessor springLog = new LogAccessor(LogFactory.getLog(PushApplier.class));

    private final TopicSender sender;
    private final UnsavedPublications unsavedPublications;
    private final AppliedPushes applied;
    private final CartPushes carts;
    private final PollerSettings.Poller settings;

    PushApplier(
            ConnectorRegistry registry,
            TopicSender sender,
            UnsavedPublications unsavedPublications,
            Clock clock,
            PollerSettings settings) {
        this.sender = sender;
        this.unsavedPublications = unsavedPublications;
        this.settings = settings.poller();
        this.applied = new AppliedPushes(this.settings.appliedPushesRemembered());
        this.carts = new CartPushes(registry, clock, this.settings.throttledPushAttempts());
    }

    @KafkaListener(
            id = "inventory-poller-pushes",
            groupId = "inventory-poller",
            topics = "#{T(io.productsync.events.Topics).CART_INVENTORY_PUSHES.name()}",
            containerFactory = "batchListenerContainerFactory",
            // A poll is one batch per cart: a sandbox cart rewrites its file once per batch, Shopify takes 250 a
            // mutation. At thousands of WMS changes a second, polls of 500 rewrote a 100,000-row file ten times a
            // second.
            properties = "max.poll.records=2000")
    void onPushes(List<ConsumerRecord<String, PushCartInventory>> records, Acknowledgment ack)
            throws InterruptedException {
        int readable = firstUnreadable(records);
        CartPushes.Round round = carts.apply(toApply(records.subList(0, readable)));
        int unsent = publish(records, round.finished());
        int unfinished = round.unfinished().stream()
                .mapToInt(CartPushes.Indexed::index)
                .min()
                .orElse(records.size());
        if (unsent < records.size()) {
            ack.nack(Math.min(unsent, unfinished), SEND_RETRY_WAIT);
            return;
        }
        if (unfinished < records.size()) {
            ack.nack(unfinished, round.retryAfter());
            return;
        }
        if (readable < records.size()) {
            ConsumerRecord<String, PushCartInventory> record = records.get(readable);
            throw new BatchListenerFailedException("unreadable push", deserializationException(record), record);
        }
        ack.acknowledge();
    }

    /** The pushes to apply, in poll order: not tombstones, not applied before, not repeated within the poll. */
    private List<CartPushes.Indexed> toApply(List<ConsumerRecord<String, PushCartInventory>> records) {
        List<CartPushes.Indexed> pushes = new ArrayList<>();
        Set<UUID> inThisPoll = new HashSet<>();
        for (int i = 0; i < records.size(); i++) {
            PushCartInventory push = records.get(i).value();
            if (push == null || applied.contains(push.pushId()) || !inThisPoll.add(push.pushId())) {
                log.debug("push {} skipped: {}", records.get(i).key(), push == null ? "tombstone" : "already applied");
            } else {
                pushes.add(new CartPushes.Indexed(i, push));
            }
        }
        return pushes;
    }

    /**
     * Sends every result and fresh observation, then waits for all of them; a push counts as applied once its sends
     * are acknowledged. Returns the poll index of the first push whose sends failed (so it and what follows are
     * redelivered: a broker outage loses no push), or {@link Integer#MAX_VALUE}.
     */
    private int publish(List<ConsumerRecord<String, PushCartInventory>> records, List<CartPushes.Outcome> finished)
            throws InterruptedException {
        List<CartPushes.Outcome> outcomes = finished.stream()
                .sorted(Comparator.comparingInt(outcome -> outcome.push().index()))
                .toList();
        List<CompletableFuture<?>> sends = new ArrayList<>(outcomes.size());
        for (CartPushes.Outcome outcome : outcomes) {
            List<CompletableFuture<?>> both = new ArrayList<>(2);
            // On the partition of its push: the matcher's verdicts of that partition speak for the SKU's row.
            int partition = records.get(outcome.push().index()).partition();
            outcome.result()
                    .ifPresent(result -> both.add(sender.send(
                            Topics.SYNC_RESULTS, partition, result.key().value(), result, result.evaluatedAt())));
            outcome.observed().ifPresent(observed -> {
                // The cart's next snapshot publishes this SKU again, whatever its fingerprint says.
                unsavedPublications.publishing(observed.key());
                both.add(sender.send(Topics.CART_INVENTORY, observed.key().value(), observed, observed.observedAt()));
            });
            sends.add(CompletableFuture.allOf(both.toArray(CompletableFuture[]::new)));
        }
        // Waited for at once: the producer's linger (batching for snapshots) would only add to every poll's time.
        sender.flush();
        long deadline = System.nanoTime() + settings.sendTimeout().toNanos();
        for (int i = 0; i < outcomes.size(); i++) {
            CartPushes.Outcome outcome = outcomes.get(i);
            try {
                sends.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException e) {
                log.warn(
                        "push {}: its result was not sent ({}); it is applied again in {}",
                        outcome.push().push().key().value(),
                        e.getCause() == null ? e.toString() : e.getCause().toString(),
                        SEND_RETRY_WAIT);
                return outcome.push().index();
            }
            applied.add(outcome.push().push().pushId());
        }
        return Integer.MAX_VALUE;
    }

    /** The index of the first record the deserializer could not read, or the size when every record was read. */
    private static int firstUnreadable(List<ConsumerRecord<String, PushCartInventory>> records) {
        for (int i = 0; i < records.size(); i++) {
            if (deserializationException(records.get(i)) != null) {
                return i;
            }
        }
        return records.size();
    }

    private static DeserializationException deserializationException(ConsumerRecord<?, ?> record) {
        return record.value() != null
                ? null
                : SerializationUtils.getExceptionFromHeader(
                        record, SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, springLog);
    }
}
