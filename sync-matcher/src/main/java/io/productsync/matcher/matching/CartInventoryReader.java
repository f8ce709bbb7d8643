package io.productsync.matcher.matching;

import io.productsync.events.CartCycleCompleted;
import io.productsync.events.CartInventoryObserved;
import io.productsync.events.CartKey;
import io.productsync.events.CartSkuKey;
import io.productsync.events.EventTypes;
import io.productsync.events.JsonSerde;
import io.productsync.events.Topic;
import io.productsync.events.Topics;
import org.apache.kafka.common.header.Headers;

/**
 * {@code cart-inventory} carries two types, told apart by the {@link EventTypes#HEADER} header: none is a cart SKU
 * observation (or, null, its removal), {@link EventTypes#CART_CYCLE_COMPLETED} the end of a cart cycle. Any other type
 * is refused, so it reaches the dead-letter topic with the reason.
 */
final class CartInventoryReader implements RecordReader<CartSideChange> {

    private static final String TOPIC = Topics.CART_INVENTORY.name();
    private static final JsonSerde<CartCycleCompleted> CYCLES = JsonSerde.of(CartCycleCompleted.class);

    private final RecordReader<CartInventoryObserved> observations = RecordReader.of(
            Topics.CART_INVENTORY, CartSkuKey::parse, cart -> Keys.sku(cart.tenantId(), cart.cartId(), cart.sku()));
    private final RecordReader<CartCycleCompleted> cycles = RecordReader.of(
            new Topic<>(TOPIC, Topics.CART_INVENTORY.keySerde(), CYCLES),
            CartKey::parse,
            cycle -> cycle.key().value());

    @Override
    public CartSideChange read(String key, Headers headers, byte[] raw) {
        String type = EventTypes.of(headers);
        if (type == null) {
            CartInventoryObserved observation = observations.read(key, headers, raw);
            return observation == null ? null : new CartSideChange.CartObserved(observation);
        }
        if (type.equals(EventTypes.CART_CYCLE_COMPLETED)) {
            CartCycleCompleted cycle = cycles.read(key, headers, raw);
            if (cycle == null) {
                throw new IllegalArgumentException("a " + type + " on " + TOPIC + " without a value");
            }
            return new CartSideChange.CycleCompleted(cycle);
        }
        throw new IllegalArgumentException("unknown " + EventTypes.HEADER + " '" + type + "' on " + TOPIC
                + ", expected none or " + EventTypes.CART_CYCLE_COMPLETED);
    }
}
