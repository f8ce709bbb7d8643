package io.productsync.poller.snapshot;

import io.productsync.poller.connector.ConnectorException;
import io.productsync.poller.connector.Page;
import io.productsync.poller.connector.ThrottledException;
import io.productsync.poller.system.TopicSender;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One full snapshot of one source: page after page, the items whose fingerprint differs from what was last published
 * for their key (new ones too) are published as they arrive (sends are not awaited one by one); when every page is
 * read and every send acknowledged, keys that were live but not seen are tombstoned, unless the removal guard holds
 * them ({@link RemovalGuard}). A connected cart's applied snapshot then writes its {@link CartCycles cycle fact}. A throttled read is repeated after the wait the source asked for,
 * on the pool, without holding a thread. Any other failure makes the snapshot incomplete: what was read stays
 * published, nothing is removed, the next interval tries again.
 */
final class SnapshotRun<V> implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(SnapshotRun.class);
    private static final int MAX_THROTTLED_WAITS = 50;

    private final InventorySource<?, V> source;
    private final SourceState state;
    private final TopicSender sender;
    private final RemovalHolds holds;
    private final CartCycles cycles;
    private final ScheduledExecutorService executor;
    private final Instant at;
    private final Duration sendTimeout;
    private final long progressEvery;
    /** Each key listed, with the fingerprint published for it, unknown where nothing was (unchanged or unreadable). */
    private final KeyFingerprints seen;
    /** One future per page, not per record, so a long snapshot holds little. */
    private final List<CompletableFuture<?>> pageSends = new ArrayList<>();

    private String cursor;
    private boolean started;
    private long read;
    private long published;
    private int throttledWaits;

    SnapshotRun(
            InventorySource<?, V> source,
            SourceState state,
            TopicSender sender,
            RemovalHolds holds,
            CartCycles cycles,
            ScheduledExecutorService executor,
            Instant at,
            Duration sendTimeout,
            long progressEvery) {
        this.source = source;
        this.state = state;
        this.sender = sender;
        this.holds = holds;
        this.cycles = cycles;
        this.executor = executor;
        this.at = at;
        this.sendTimeout = sendTimeout;
        this.progressEvery = progressEvery;
        this.seen = new KeyFingerprints(source.id());
    }

    @Override
    public void run() {
        try {
            if (!started) {
                started = true;
                state.forgetPublishedOutside();
            }
            Page<V> page;
            do {
                page = source.readPage(cursor, at);
                publish(page);
                if (!page.isLast() && page.nextCursor().equals(cursor)) {
                    throw new ConnectorException("the cursor did not advance past '" + cursor + "'");
                }
                cursor = page.nextCursor();
                // The limit is on waits in a row without a page: a long read may wait many times in all.
                throttledWaits = 0;
            } while (!page.isLast());
            afterSends(true);
        } catch (ThrottledException e) {
            waitAndResume(e);
        } catch (RuntimeException | Error e) {
            // An Error too (a connector's bug, a native library's check): left to the pool, it would vanish in the
            // task's future and leave the source claimed, never polled again.
            log.warn(
                    "{}: snapshot incomplete after {} items ({} published), nothing removed: {}",
                    source.id(),
                    read,
                    published,
                    e.getMessage());
            afterSends(false);
        }
    }

    private void publish(Page<V> page) {
        List<V> items = page.items();
        List<String> keys = new ArrayList<>(items.size());
        items.forEach(event -> keys.add(source.keyOf().apply(event)));
        List<OptionalLong> lastPublished = state.lastPublished(keys);
        List<CompletableFuture<?>> sends = new ArrayList<>();
        try {
            for (int i = 0; i < items.size(); i++) {
                V event = items.get(i);
                String key = keys.get(i);
                long fingerprint = source.fingerprint().applyAsLong(event);
                // A key met twice in one snapshot (a SKU on two pages) compares with what this one published.
                OptionalLong publishedNow = seen.fingerprint(key);
                OptionalLong last = publishedNow.isPresent() ? publishedNow : lastPublished.get(i);
                if (last.isPresent() && last.getAsLong() == fingerprint) {
                    seen.putUnknownIfAbsent(key);
                    continue;
                }
                if (published == 0) {
                    state.publishingChanges();
                }
                sends.add(sender.send(source.topic(), key, event, at));
                seen.put(key, fingerprint);
                published++;
            }
        } finally {
            // Even after a send that threw: what was sent is waited for before a fingerprint of it is taken.
            if (!sends.isEmpty()) {
                pageSends.add(CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)));
            }
        }
        page.unreadableSkus()
                .forEach(sku -> seen.putUnknownIfAbsent(source.keyOfSku().apply(sku)));
        long before = read;
        read += page.items().size();
        if (read / progressEvery > before / progressEvery) {
            log.info("{}: {} items read so far, {} published", source.id(), read, published);
        }
    }

    private void waitAndResume(ThrottledException e) {
        if (++throttledWaits > MAX_THROTTLED_WAITS) {
            log.warn("{}: still throttled after {} waits, snapshot incomplete", source.id(), MAX_THROTTLED_WAITS);
            afterSends(false);
            return;
        }
        log.info("{}: throttled ({}), reading the same page again in {}", source.id(), e.getMessage(), e.retryAfter());
        try {
            executor.schedule(this, e.retryAfter().toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            state.finish(false, seen, true);
        }
    }

    private void afterSends(boolean readAll) {
        whenSent(pageSends, sendFailure -> {
            if (sendFailure != null) {
                log.warn("{}: snapshot incomplete, a send failed: {}", source.id(), sendFailure.toString());
                state.finish(false, seen, false);
            } else if (!readAll) {
                state.finish(false, seen, true);
            } else {
                removeMissing();
            }
        });
    }

    /** The removal guard decides: tombstones for what is missing, or a hold and none. */
    private void removeMissing() {
        List<String> missing = state.missingFrom(seen.keys());
        RemovalGuard.Verdict verdict = holds.judge(source.id(), state, missing, seen.isEmpty(), at);
        if (verdict instanceof RemovalGuard.Held held) {
            whenSent(List.of(holds.reportHeld(source.id(), held.hold(), read)), failure -> {
                if (failure != null) {
                    log.warn(
                            "{}: hold not reported, reported again next snapshot: {}", source.id(), failure.toString());
                }
                state.finishHeld(seen, held.hold());
            });
            return;
        }
        RemovalGuard.Apply apply = (RemovalGuard.Apply) verdict;
        List<CompletableFuture<?>> tombstones = new ArrayList<>();
        for (String key : missing) {
            tombstones.add(sender.send(source.topic(), key, null, at));
        }
        int removed = tombstones.size();
        if (apply.ended() != null) {
            tombstones.add(holds.reportEnded(source.id(), apply, removed, at));
        }
        whenSent(tombstones, failure -> {
            if (failure != null) {
                log.warn("{}: tombstones not all sent, retried next snapshot: {}", source.id(), failure.toString());
                state.finish(false, seen, true);
                return;
            }
            log.info(
                    "{}: snapshot complete, {} items, {} published, {} removed", source.id(), read, published, removed);
            if (apply.ended() != null) {
                holds.ended(source.id());
            }
            if (!source.completesCartCycles()) {
                state.finish(true, seen, true);
                return;
            }
            CompletableFuture<?> fact = cycles.completed(source.id().cartKey(), at, seen.size(), published, removed);
            whenSent(List.of(fact), factFailure -> {
                if (factFailure != null) {
                    log.warn("{}: cycle fact not sent ({}); the next cycle writes its own", source.id(), factFailure);
                }
                state.finish(true, seen, true);
            });
        });
    }

    /** Continues on the pool, not on the producer's I/O thread, once every send has been acknowledged or has failed. */
    private void whenSent(List<CompletableFuture<?>> sends, Consumer<Throwable> next) {
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                .orTimeout(sendTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .handleAsync(
                        (ignored, failure) -> {
                            next.accept(failure);
                            return null;
                        },
                        executor)
                .exceptionally(unexpected -> {
                    if (!executor.isShutdown()) {
                        log.warn("{}: snapshot incomplete: {}", source.id(), unexpected.toString());
                    }
                    state.finish(false, seen, false);
                    return null;
                });
    }
}
