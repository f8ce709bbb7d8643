package io.productsync.poller.snapshot;

import io.productsync.events.CartKey;
import io.productsync.poller.connector.Connection;
import io.productsync.poller.connector.ConnectorRegistry;
import io.productsync.poller.system.PollerSettings;
import io.productsync.poller.system.TopicSender;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
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
    private final LiveKeyStore store;
    private final LiveKeyFiles files;
    private final HoldFiles holdFiles;
    private final RemovalHolds holds;
    private final CartCycles cycles;
    private final UnsavedPublications unsavedPublications;
    private final Clock clock;
    private final PollerSettings.Poller settings;
    /** Never coarser than the sandbox interval, so a short interval set alone (as tests do) is honoured. */
    private final Duration tick;

    private final Map<SourceId, SourceState> states = new ConcurrentHashMap<>();
    /** The connection each cart had when last discovered; only the scheduler's own cycle thread touches it. */
    private final Map<CartKey, Connection> lastConnections = new LinkedHashMap<>();

    private volatile List<Connection> connections = List.of();
    private volatile ScheduledExecutorService executor;

    SnapshotScheduler(
            ConnectorRegistry registry,
            ConnectionPublisher connectionPublisher,
            TopicSender sender,
            LiveKeyStore store,
            LiveKeyFiles files,
            HoldFiles holdFiles,
            RemovalHolds holds,
            CartCycles cycles,
            UnsavedPublications unsavedPublications,
            Clock clock,
            PollerSettings settings) {
        this.registry = registry;
        this.connectionPublisher = connectionPublisher;
        this.sender = sender;
        this.store = store;
        this.files = files;
        this.holdFiles = holdFiles;
        this.holds = holds;
        this.cycles = cycles;
        this.unsavedPublications = unsavedPublications;
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
        return state == null ? new SourceState.SnapshotCounts(0, 0, 0) : state.counts();
    }

    private void cycle() {
        try {
            Instant now = clock.instant();
            try {
                connections = registry.discover();
                connectionPublisher.publish(withCartsStillRetiring(connections), now);
            } catch (RuntimeException | Error e) {
                log.warn("discovery failed, polling the connections known before: {}", e.toString());
            }
            Map<SourceId, Duration> intervals = intervals(connections);
            states.forEach((source, state) -> {
                if (!intervals.containsKey(source) && retireDue(state, now)) {
                    executor.execute(() -> retire(source, state));
                }
            });
            intervals.forEach((source, interval) -> {
                SourceState state = states.computeIfAbsent(
                        source, id -> new SourceState(id, store, files, holdFiles, unsavedPublications));
                if (state.tryStart(now, interval)) {
                    executor.execute(() -> snapshot(source, state));
                }
            });
        } catch (RuntimeException | Error e) {
            // An Error too: a fixed-delay task that throws is never run again, and nothing would be polled.
            log.error("poll cycle failed; the next tick tries again", e);
        }
    }

    /**
     * A cart that disappeared (its sandbox file deleted) keeps its connection until its removal has applied and its
     * state is forgotten, so a held removal keeps the cart connected and its rows in place.
     */
    private List<Connection> withCartsStillRetiring(List<Connection> discovered) {
        Set<CartKey> present = new HashSet<>();
        discovered.forEach(connection -> present.add(connection.cart()));
        lastConnections.keySet().removeIf(cart -> !present.contains(cart) && !states.containsKey(SourceId.cart(cart)));
        discovered.forEach(connection -> lastConnections.put(connection.cart(), connection));
        return List.copyOf(lastConnections.values());
    }

    /** A source no longer connected is snapshotted (as empty) at the interval it had, so its held cycles mean time. */
    private static boolean retireDue(SourceState state, Instant now) {
        Duration interval = state.lastInterval();
        return interval == null ? state.tryClaim() : state.tryStart(now, interval);
    }

    /**
     * A WMS is polled at its own interval when its connection sets one, else at the shortest interval of the carts it
     * feeds (so a cart kept fresh by webhooks and read hourly need not slow its WMS down).
     */
    private Map<SourceId, Duration> intervals(List<Connection> connections) {
        Map<SourceId, Duration> intervals = new LinkedHashMap<>();
        for (Connection connection : connections) {
            intervals.merge(SourceId.cart(connection.cart()), connection.pollInterval(), SnapshotScheduler::shorter);
            Optional<Duration> own = registry.wmsPollInterval(connection.wms());
            if (own.isPresent()) {
                intervals.put(SourceId.wms(connection.wms()), own.get());
            } else {
                intervals.merge(SourceId.wms(connection.wms()), connection.pollInterval(), SnapshotScheduler::shorter);
            }
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
        } catch (RuntimeException | Error e) {
            // Not left to the pool: the source would stay claimed and never be polled again.
            inventory = Optional.empty();
        }
        if (inventory.isEmpty()) {
            log.warn("{}: no connector answers for it now, snapshot skipped", source);
            state.finish(false, new KeyFingerprints(source), true);
            return;
        }
        run(inventory.get(), state);
    }

    /**
     * A source no longer connected: an empty snapshot tombstones its live keys (under the removal guard, like any
     * other) and deletes its file; once nothing is live it is forgotten. It stays claimed, so a snapshot never starts
     * on a state no longer in the map.
     */
    private void retire(SourceId source, SourceState state) {
        if (state.nothingLive()) {
            states.remove(source, state);
            return;
        }
        log.info(
                "{}: no longer connected; its {} live keys are removed unless the removal guard holds them",
                source,
                state.liveKeys().size());
        run(InventorySource.disconnected(source), state);
    }

    private <V> void run(InventorySource<?, V> inventory, SourceState state) {
        new SnapshotRun<>(
                        inventory,
                        state,
                        sender,
                        holds,
                        cycles,
                        executor,
                        clock.instant(),
                        settings.sendTimeout(),
                        settings.progressEvery())
                .run();
    }
}
