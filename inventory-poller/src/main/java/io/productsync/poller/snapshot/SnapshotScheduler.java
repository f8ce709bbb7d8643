package io.productsync.poller.snapshot;

import io.productsync.poller.connector.Connection;
import io.productsync.poller.connector.ConnectorRegistry;
import io.productsync.poller.system.PollerSettings;
import io.productsync.poller.system.TopicSender;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Every tick: discover connections, publish their changes, and start the snapshot of each cart and WMS that is due
 * and not already running, on a small pool, so a slow or throttled source never holds up the others for long.
 */
@Component
final class SnapshotScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SnapshotScheduler.class);

    private final ConnectorRegistry registry;
    private final ConnectionPublisher connectionPublisher;
    private final TopicSender sender;
    private final LiveKeyFiles files;
    private final Clock clock;
    private final PollerSettings.Poller settings;
    /** Never coarser than the sandbox interval, so a short interval set alone (as tests do) is honoured. */
    private final Duration tick;

    private final Map<SourceId, SourceState> states = new ConcurrentHashMap<>();
    private volatile List<Connection> connections = List.of();
    private volatile ScheduledExecutorService executor;

    SnapshotScheduler(
            ConnectorRegistry registry,
            ConnectionPublisher connectionPublisher,
            TopicSender sender,
            LiveKeyFiles files,
            Clock clock,
            PollerSettings settings) {
        this.registry = registry;
        this.connectionPublisher = connectionPublisher;
        this.sender = sender;
        this.files = files;
        this.clock = clock;
        this.settings = settings.poller();
        this.tick = shorter(settings.poller().tick(), settings.sandbox().pollInterval());
    }

    @Override
    public void start() {
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newScheduledThreadPool(
                settings.threads(), task -> new Thread(task, "inventory-poller-" + threads.incrementAndGet()));
        executor.scheduleWithFixedDelay(this::cycle, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (executor == null) {
            return;
        }
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null && !executor.isShutdown();
    }

    SourceState.SnapshotCounts counts(SourceId source) {
        SourceState state = states.get(source);
        return state == null ? new SourceState.SnapshotCounts(0, 0) : state.counts();
    }

    private void cycle() {
        try {
            Instant now = clock.instant();
            try {
                connections = registry.discover();
                connectionPublisher.publish(connections, now);
            } catch (RuntimeException e) {
                log.warn("discovery failed, polling the connections known before: {}", e.toString());
            }
            Map<SourceId, Duration> intervals = intervals(connections);
            states.forEach((source, state) -> {
                if (!intervals.containsKey(source) && state.tryClaim()) {
                    executor.execute(() -> retire(source, state));
                }
            });
            intervals.forEach((source, interval) -> {
                SourceState state = states.computeIfAbsent(source, id -> new SourceState(id, files));
                if (state.tryStart(now, interval)) {
                    executor.execute(() -> snapshot(source, state));
                }
            });
        } catch (RuntimeException e) {
            log.error("poll cycle failed; the next tick tries again", e);
        }
    }

    /** A WMS feeding several carts is polled at the shortest of their intervals. */
    private static Map<SourceId, Duration> intervals(List<Connection> connections) {
        Map<SourceId, Duration> intervals = new LinkedHashMap<>();
        for (Connection connection : connections) {
            intervals.merge(SourceId.cart(connection.cart()), connection.pollInterval(), SnapshotScheduler::shorter);
            intervals.merge(SourceId.wms(connection.wms()), connection.pollInterval(), SnapshotScheduler::shorter);
        }
        return intervals;
    }

    private static Duration shorter(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private void snapshot(SourceId source, SourceState state) {
        Optional<? extends InventorySource<?, ?>> inventory;
        try {
            inventory = switch (source.kind()) {
                case CART -> registry.cart(source.cartKey()).map(cart -> InventorySource.cart(source.cartKey(), cart));
                case WMS -> registry.wms(source.wmsRef()).map(wms -> InventorySource.wms(source.wmsRef(), wms));
            };
        } catch (RuntimeException e) {
            inventory = Optional.empty();
        }
        if (inventory.isEmpty()) {
            log.warn("{}: no connector answers for it now, snapshot skipped", source);
            state.finish(false, Set.of());
            return;
        }
        run(inventory.get(), state);
    }

    /**
     * A source no longer connected: a last, empty snapshot tombstones its live keys and deletes its file; once nothing
     * is live it is forgotten. It stays claimed, so a snapshot never starts on a state no longer in the map.
     */
    private void retire(SourceId source, SourceState state) {
        if (state.nothingLive()) {
            states.remove(source, state);
            return;
        }
        log.info(
                "{}: no longer connected, removing its {} live keys",
                source,
                state.liveKeys().size());
        run(InventorySource.disconnected(source), state);
    }

    private <V> void run(InventorySource<?, V> inventory, SourceState state) {
        new SnapshotRun<>(
                        inventory,
                        state,
                        sender,
                        executor,
                        clock.instant(),
                        settings.sendTimeout(),
                        settings.progressEvery())
                .run();
    }
}
