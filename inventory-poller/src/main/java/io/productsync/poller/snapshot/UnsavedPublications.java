package io.productsync.poller.snapshot;

import io.productsync.events.CartSkuKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What was published for a source but is not in its live keys file yet, so the fingerprints there can be trusted or
 * not. A snapshot publishes only keys whose fingerprint changed; had it published B over a saved A and crashed before
 * saving, a cart back at A would never be published again. So before a snapshot's first change is sent, and before an
 * observation is published outside a snapshot (a push's answer, a webhook's read), the source's marker file
 * {@code <kind>.<tenant>.<id>.unsaved} is created; a load that finds it trusts no fingerprint (everything is published
 * once). The keys published outside a snapshot are also remembered in memory: the source's next snapshot publishes
 * them again whatever their fingerprint (at most one extra record per such SKU). The marker goes once the keys file is
 * saved with every change folded in.
 */
@Component
public final class UnsavedPublications {

    private static final Logger log = LoggerFactory.getLogger(UnsavedPublications.class);

    private final LiveKeyFiles files;
    private final Map<SourceId, Set<String>> publishedOutside = new HashMap<>();
    private final Set<SourceId> marked = new HashSet<>();

    UnsavedPublications(LiveKeyFiles files) {
        this.files = files;
    }

    /** An observation of this cart SKU is about to be published outside a snapshot. */
    public synchronized void publishing(CartSkuKey key) {
        SourceId source = SourceId.cart(key.cart());
        publishedOutside.computeIfAbsent(source, id -> new HashSet<>()).add(key.value());
        mark(source);
    }

    /** A snapshot of this source is about to publish a change. */
    synchronized void publishing(SourceId source) {
        mark(source);
    }

    /** The keys published outside a snapshot since the last call: their fingerprints are stale. */
    synchronized Set<String> takePublishedOutside(SourceId source) {
        Set<String> keys = publishedOutside.remove(source);
        return keys == null ? Set.of() : keys;
    }

    /** The keys file was saved (or found unchanged) with everything this source's snapshot knew folded in. */
    synchronized void saved(SourceId source) {
        if (publishedOutside.containsKey(source) || !Files.exists(files.unsavedMarker(source))) {
            marked.remove(source);
            return;
        }
        try {
            Files.deleteIfExists(files.unsavedMarker(source));
            marked.remove(source);
        } catch (IOException e) {
            log.warn("{}: could not delete {}: {}", source, files.unsavedMarker(source), e.toString());
        }
    }

    private void mark(SourceId source) {
        if (!marked.add(source)) {
            return;
        }
        Path marker = files.unsavedMarker(source);
        try {
            Files.createDirectories(marker.getParent());
            if (!Files.exists(marker)) {
                Files.createFile(marker);
            }
        } catch (IOException e) {
            // Publishing goes on: the window this leaves is the one there was before fingerprints.
            marked.remove(source);
            log.warn("{}: could not create {}: {}", source, marker, e.toString());
        }
    }
}
