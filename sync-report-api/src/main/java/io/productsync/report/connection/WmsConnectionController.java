package io.productsync.report.connection;

import io.productsync.events.WmsConnectionConfigured;
import io.productsync.report.security.AdminOnly;
import io.productsync.report.web.RequestParams;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A tenant's WMS connections, as {@link CartConnectionController} serves its carts. */
@AdminOnly
@RestController
@RequestMapping(ConnectionPaths.WMS)
class WmsConnectionController {

    private final WmsConnections wmses;
    private final ConnectionReadModel connections;

    WmsConnectionController(WmsConnections wmses, ConnectionReadModel connections) {
        this.wmses = wmses;
        this.connections = connections;
    }

    record Wmses(List<WmsConnectionView> items) {}

    @GetMapping
    Wmses list(@PathVariable String tenantId) {
        RequestParams.id(tenantId, "tenantId");
        return new Wmses(
                connections.wmses(tenantId).stream().map(WmsConnectionView::of).toList());
    }

    @GetMapping("/{wmsId}")
    WmsConnectionView one(@PathVariable String tenantId, @PathVariable String wmsId) {
        return WmsConnectionView.of(wmses.find(tenantId, wmsId));
    }

    @PutMapping("/{wmsId}")
    ResponseEntity<WmsConnectionView> put(
            @PathVariable String tenantId, @PathVariable String wmsId, @RequestBody WmsConnectionRequest body) {
        Stored<WmsConnectionConfigured> stored = wmses.put(tenantId, wmsId, body);
        return ResponseEntity.status(stored.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(WmsConnectionView.of(stored.connection()));
    }

    /** 202 once Kafka has the tombstone; 409 while a cart still names the WMS. */
    @DeleteMapping("/{wmsId}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void disconnect(@PathVariable String tenantId, @PathVariable String wmsId) {
        wmses.disconnect(tenantId, wmsId);
    }
}
