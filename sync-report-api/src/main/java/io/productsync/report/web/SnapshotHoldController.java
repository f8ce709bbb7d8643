package io.productsync.report.web;

import io.productsync.events.ConfirmSnapshotRemoval;
import io.productsync.events.SourceKey;
import io.productsync.report.hold.SnapshotConfirmations;
import io.productsync.report.hold.SnapshotHoldView;
import io.productsync.report.hold.SnapshotHolds;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Snapshots whose removals the poller holds (a truncated file, an empty vendor page), and the user's confirmation that
 * such a removal is right after all.
 */
@RestController
@RequestMapping("/api/v1/tenants/{tenantId}/snapshot-holds")
class SnapshotHoldController {

    private final SnapshotHolds holds;
    private final SnapshotConfirmations confirmations;
    private final KnownScope scope;

    SnapshotHoldController(SnapshotHolds holds, SnapshotConfirmations confirmations, KnownScope scope) {
        this.holds = holds;
        this.confirmations = confirmations;
        this.scope = scope;
    }

    /** Every hold of a tenant: one per source at most, so never paged. */
    record Holds(List<SnapshotHoldView> items) {}

    @GetMapping
    Holds list(@PathVariable String tenantId) {
        scope.tenant(tenantId);
        return new Holds(holds.ofTenant(tenantId));
    }

    /** 202 once Kafka has the confirmation; the poller applies the held removals on its next cycle. */
    @PostMapping("/{kind}/{sourceId}/confirm")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ConfirmSnapshotRemoval confirm(
            @PathVariable String tenantId, @PathVariable String kind, @PathVariable String sourceId) {
        scope.tenant(tenantId);
        SourceKey source;
        try {
            source = SourceKey.parse(tenantId + "/" + kind + "/" + sourceId);
        } catch (IllegalArgumentException e) {
            throw Problems.badRequest(e.getMessage());
        }
        return confirmations
                .confirm(source)
                .orElseThrow(() -> Problems.notFound("nothing is held for " + kind + " '" + sourceId
                        + "': only a held snapshot can be confirmed (GET snapshot-holds lists them)"));
    }
}
