package io.productsync.report.connection;

import io.productsync.events.CartConnectionConfigured;
import io.productsync.report.security.AdminOnly;
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

/**
 * A tenant's cart connections. A PUT answers 201 (created) or 200 (replaced) once Kafka has stored it; GETs read the
 * read model, which shows a change once this service has consumed it back (about a second). No answer ever carries
 * a credential: only whether one is set, and since when.
 */
@AdminOnly
@RestController
@RequestMapping(ConnectionPaths.CARTS)
class CartConnectionController {

    private final CartConnections carts;

    CartConnectionController(CartConnections carts) {
        this.carts = carts;
    }

    record Carts(List<CartConnectionView> items) {}

    @GetMapping
    Carts list(@PathVariable String tenantId) {
        return new Carts(carts.list(tenantId));
    }

    @GetMapping("/{cartId}")
    CartConnectionView one(@PathVariable String tenantId, @PathVariable String cartId) {
        return CartConnectionView.of(carts.find(tenantId, cartId));
    }

    @PutMapping("/{cartId}")
    ResponseEntity<CartConnectionView> put(
            @PathVariable String tenantId, @PathVariable String cartId, @RequestBody CartConnectionRequest body) {
        Stored<CartConnectionConfigured> stored = carts.put(tenantId, cartId, body);
        return ResponseEntity.status(stored.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(CartConnectionView.of(stored.connection()));
    }

    /** 202 once Kafka has the tombstone; the cart's rows then leave the table. */
    @DeleteMapping("/{cartId}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void disconnect(@PathVariable String tenantId, @PathVariable String cartId) {
        carts.disconnect(tenantId, cartId);
    }
}
