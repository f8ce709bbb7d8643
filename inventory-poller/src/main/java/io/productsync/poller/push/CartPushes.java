package io.productsync.poller.push;

import io.productsync.events.CartInventoryObserved;
import io.productsync.events.CartKey;
import io.productsync.events.PushCartInventory;
import io.productsync.events.SkuSyncEvaluated;
import io.productsync.poller.connector.CartConnector;
import io.productsync.poller.connector.ConnectorException;
import io.productsync.poller.connector.ConnectorRegistry;
import io.productsync.poller.connector.QuantityChange;
import io.productsync.poller.connector.QuantityChangeResult;
import io.productsync.poller.connector.ThrottledException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the pushes of one poll cart by cart, in the cart's batch size: one connector call per batch. A throttled
 * cart's batch and the rest of that cart are left unfinished, with the wait the cart asked for; after
 * {@code attempts} throttles in a row the batch fails instead.
 */
final class CartPushes {

    private static final Logger log = LoggerFactory.getLogger(CartPushes.class);
    private static final Duration LONGEST_THROTTLE_WAIT = Duration.ofSeconds(30);

    /** A push and its place in the poll. */
    record Indexed(int index, PushCartInventory push) {}

    /**
     * How one push ended: its result (none when the cart or the SKU is gone) and, when the cart's answer says what it
     * holds now, a fresh observation.
     */
    record Outcome(Indexed push, Optional<SkuSyncEvaluated> result, Optional<CartInventoryObserved> observed) {}

    /** What a poll came to: finished pushes, and the pushes left for after {@code retryAfter}. */
    record Round(List<Outcome> finished, List<Indexed> unfinished, Duration retryAfter) {}

    private final ConnectorRegistry registry;
    private final Clock clock;
    private final int attempts;
    private final Map<CartKey, Integer> throttledInARow = new ConcurrentHashMap<>();

    CartPushes(ConnectorRegistry registry, Clock clock, int attempts) {
        this.registry = registry;
        this.clock = clock;
        this.attempts = attempts;
    }

    Round apply(List<Indexed> pushes) {
        Map<CartKey, List<Indexed>> byCart = new LinkedHashMap<>();
        pushes.forEach(push -> byCart.computeIfAbsent(push.push().key().cart(), cart -> new ArrayList<>())
                .add(push));
        List<Outcome> finished = new ArrayList<>();
        List<Indexed> unfinished = new ArrayList<>();
        Duration wait = Duration.ZERO;
        for (Map.Entry<CartKey, List<Indexed>> cart : byCart.entrySet()) {
            Optional<CartConnector> connector = registry.cart(cart.getKey());
            if (connector.isEmpty()) {
                cart.getValue().forEach(push -> {
                    log.info(
                            "push {} dropped: no connector for cart {}",
                            push.push().key().value(),
                            cart.getKey().value());
                    finished.add(new Outcome(push, Optional.empty(), Optional.empty()));
                });
                continue;
            }
            List<List<Indexed>> batches =
                    batches(cart.getValue(), connector.get().maxBatchSize());
            for (int b = 0; b < batches.size(); b++) {
                try {
                    finished.addAll(apply(connector.get(), batches.get(b)));
                    throttledInARow.remove(cart.getKey());
                } catch (ThrottledException e) {
                    if (throttledInARow.merge(cart.getKey(), 1, Integer::sum) >= attempts) {
                        throttledInARow.remove(cart.getKey());
                        finished.addAll(failed(batches.get(b), e));
                        continue;
                    }
                    batches.subList(b, batches.size()).forEach(unfinished::addAll);
                    Duration retryAfter = e.retryAfter().compareTo(LONGEST_THROTTLE_WAIT) < 0
                            ? e.retryAfter()
                            : LONGEST_THROTTLE_WAIT;
                    wait = retryAfter.compareTo(wait) > 0 ? retryAfter : wait;
                    log.info(
                            "cart {} throttled: {} pushes wait {} ({})",
                            cart.getKey().value(),
                            batches.subList(b, batches.size()).stream()
                                    .mapToInt(List::size)
                                    .sum(),
                            retryAfter,
                            e.getMessage());
                    break;
                } catch (ConnectorException e) {
                    finished.addAll(failed(batches.get(b), e));
                }
            }
        }
        return new Round(finished, unfinished, wait);
    }

    /** In order, at most {@code size} each, and a SKU at most once per batch: its second push sees what the first set. */
    static List<List<Indexed>> batches(List<Indexed> pushes, int size) {
        List<List<Indexed>> batches = new ArrayList<>();
        List<Indexed> batch = new ArrayList<>();
        Set<String> skus = new HashSet<>();
        for (Indexed push : pushes) {
            if (batch.size() == size || !skus.add(push.push().sku())) {
                batches.add(batch);
                batch = new ArrayList<>();
                skus.clear();
                skus.add(push.push().sku());
            }
            batch.add(push);
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        return batches;
    }

    private List<Outcome> apply(CartConnector cart, List<Indexed> batch) {
        List<QuantityChange> changes = batch.stream()
                .map(Indexed::push)
                .map(push ->
                        new QuantityChange(push.sku(), push.expectedQuantity(), push.targetQuantity(), push.pushId()))
                .toList();
        List<QuantityChangeResult> results = cart.setQuantities(changes);
        if (results.size() != changes.size()) {
            throw new ConnectorException(
                    "the cart answered " + results.size() + " results to " + changes.size() + " changes");
        }
        Instant now = clock.instant();
        List<Outcome> outcomes = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            PushCartInventory push = batch.get(i).push();
            QuantityChangeResult result = results.get(i);
            log.info(
                    "push {} {} -> {}: {}", push.key().value(), push.expectedQuantity(), push.targetQuantity(), result);
            Long quantityNow = result.quantityNow(changes.get(i));
            outcomes.add(new Outcome(
                    batch.get(i),
                    result(push, result, now),
                    Optional.ofNullable(quantityNow).map(quantity -> PushResults.observed(push, quantity, now))));
        }
        return outcomes;
    }

    /**
     * Empty when the SKU is gone (the matcher has removed, or is removing, its row, and a result now would bring the row
     * back with nothing left to remove it) and when the cart held another quantity or already the target (it is
     * re-evaluated from what it holds).
     */
    private static Optional<SkuSyncEvaluated> result(PushCartInventory push, QuantityChangeResult result, Instant now) {
        return switch (result.status()) {
            case APPLIED -> Optional.of(PushResults.updated(push, now));
            // Nothing was changed by us: the fresh observation makes the matcher report it VERIFIED. An UPDATED result
            // here would also overwrite a newer VERIFIED when a poll that raced the first push issued it again.
            case ALREADY_AT_TARGET -> Optional.empty();
            // Not a failure: the fresh observation of what the cart holds makes the matcher decide again from it.
            case CURRENT_DIFFERS -> Optional.empty();
            case REJECTED -> Optional.of(PushResults.failed(push, push.expectedQuantity(), result.error(), now));
            case NOT_IN_CART -> Optional.empty();
        };
    }

    private List<Outcome> failed(List<Indexed> batch, ConnectorException e) {
        Instant now = clock.instant();
        return batch.stream()
                .map(push -> new Outcome(
                        push,
                        Optional.of(PushResults.failed(
                                push.push(), push.push().expectedQuantity(), "cart error: " + e.getMessage(), now)),
                        Optional.empty()))
                .toList();
    }
}
