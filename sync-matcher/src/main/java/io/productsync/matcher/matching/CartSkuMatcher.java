package io.productsync.matcher.matching;

import io.productsync.events.AliasKey;
import io.productsync.events.CartConnectionConfigured;
import io.productsync.events.CartCycleCompleted;
import io.productsync.events.CartCycleVerified;
import io.productsync.events.CartInventoryObserved;
import io.productsync.events.CartSkuKey;
import io.productsync.events.EventTypes;
import io.productsync.events.JsonSerde;
import io.productsync.events.ProductAliasChanged;
import io.productsync.events.PushCartInventory;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * One per task: owns the cart SKUs that look up a WMS SKU of its partition ({@link Owners}) and the WMS rows of those
 * SKUs, and decides each cart SKU whenever the SKU, its WMS row, its alias or its cart's connection changes. A cart SKU
 * it meets but does not own (an alias points elsewhere, or an older record on another partition) goes on to its owner
 * with what this task held of it. It keeps the cart out-of-order guard, the WMS rows, an index from WMS key to the
 * aliased cart SKUs it feeds, the pending pushes and each cart's last cycle, and answers a cart's cycle with a verdict
 * on this partition.
 */
final class CartSkuMatcher implements ProcessorSupplier<String, CartSideChange, String, Addressed> {

    private final Clock clock;
    private final Owners owners;
    private final int maxUnverified;

    /**
     * {@code partitions}: of the inputs; {@code maxUnverified}: more SKUs of a cart with a push in flight than this,
     * and its cycle gets no verdict.
     */
    CartSkuMatcher(Clock clock, int partitions, int maxUnverified) {
        this.clock = clock;
        this.owners = new Owners(partitions);
        this.maxUnverified = maxUnverified;
    }

    /** The stores the matcher reads besides its own: the WMS rows (kept by {@link WmsGuard}) and the broadcast tables. */
    static String[] tables() {
        return new String[] {
            TopologyNames.WMS_ROW_STORE, TopologyNames.ALIAS_TABLE_STORE, TopologyNames.CONNECTION_TABLE_STORE
        };
    }

    @Override
    public Set<StoreBuilder<?>> stores() {
        return Set.of(
                store(TopologyNames.CART_STORE, new CartHeldSerde()),
                store(TopologyNames.WMS_INDEX_STORE, Serdes.String()),
                store(TopologyNames.PENDING_PUSH_STORE, JsonSerde.of(PendingPush.class)),
                store(TopologyNames.CART_CYCLE_STORE, JsonSerde.of(Instant.class)));
    }

    private static <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<V> values) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), values);
    }

    @Override
    public Processor<String, CartSideChange, String, Addressed> get() {
        return new Matcher();
    }

    private final class Matcher implements Processor<String, CartSideChange, String, Addressed> {

        private ProcessorContext<String, Addressed> context;
        private CartStore carts;
        private WmsIndex wmsIndex;
        private CartCycles cycles;
        private PendingPushes pending;
        private LocalTables tables;
        private int partition;
        private long timestamp;

        @Override
        public void init(ProcessorContext<String, Addressed> context) {
            this.context = context;
            this.carts = new CartStore(context.getStateStore(TopologyNames.CART_STORE));
            this.wmsIndex = new WmsIndex(context.getStateStore(TopologyNames.WMS_INDEX_STORE));
            this.cycles = new CartCycles(context.getStateStore(TopologyNames.CART_CYCLE_STORE));
            this.pending = new PendingPushes(context.getStateStore(TopologyNames.PENDING_PUSH_STORE));
            this.tables = new LocalTables(context);
            this.partition = context.taskId().partition();
        }

        @Override
        public void process(Record<String, CartSideChange> record) {
            timestamp = record.timestamp();
            CartSideChange change = record.value();
            if (change == null) {
                cartGone(record.key(), record.timestamp());
            } else if (change instanceof CartSideChange.CartObserved observed) {
                cartObserved(record.key(), observed.observation());
            } else if (change instanceof CartSideChange.CycleCompleted completed) {
                cycleCompleted(record.key(), completed.cycle());
            } else if (change instanceof CartSideChange.WmsChanged) {
                wmsChanged(record.key());
            } else if (change instanceof CartSideChange.AliasChanged) {
                tables.aliasChanged();
                aliasChanged(AliasKey.parse(record.key()));
            } else if (tables.connectionChanged(record.key())) {
                connectionChanged(record.key());
            }
        }

        private void cartObserved(String key, CartInventoryObserved observation) {
            ProductAliasChanged alias = aliasOf(observation);
            int owner = owners.ofCartSku(observation.tenantId(), observation.sku(), alias);
            if (owner != partition) {
                handOver(key, owner);
                context.forward(new Record<>(key, new Addressed(new Decision.Reroute(observation), owner), timestamp));
            } else if (carts.observe(key, observation)) {
                evaluate(key, observation, alias);
            }
        }

        /** A SKU that left has its result removed, if it had one (its cart is connected). */
        private void cartGone(String key, long at) {
            int owner = ownerOf(Keys.tenant(key), Keys.skuOf(key));
            if (owner != partition) {
                handOver(key, owner);
                context.forward(new Record<>(key, new Addressed(new Decision.Reroute(null), owner), at));
            } else if (carts.remove(key, at)
                    && tables.connection(CartSkuKey.parse(key).cart().value()) != null) {
                remove(key);
            }
        }

        /** Every held SKU of the cart: decided again, or removed when the cart was disconnected. */
        private void connectionChanged(String cartKey) {
            boolean connected = tables.connection(cartKey) != null;
            for (KeyValue<String, CartInventoryObserved> cart : carts.heldSkus(cartKey)) {
                if (connected) {
                    evaluate(cart.key, cart.value);
                } else {
                    remove(cart.key);
                }
            }
        }

        /** The alias's cart SKU in each connected cart of the tenant: a tenant has few carts, so no index is kept. */
        private void aliasChanged(AliasKey alias) {
            for (String cartKey : tables.connectedCarts(alias.tenantId())) {
                String key = cartKey + "/" + alias.alias();
                CartInventoryObserved held = carts.held(key);
                if (held != null) {
                    evaluate(key, held);
                }
            }
        }

        /**
         * The cart SKUs this WMS row feeds: a SKU looked up under its own name is {@code tenant/cart/sku} in each cart
         * of the tenant, one point look-up per cart; the others (aliased to another name) are listed by the index,
         * whose entries that no longer hold are dropped on the way.
         */
        private void wmsChanged(String wmsKey) {
            String sku = Keys.skuOf(wmsKey);
            Set<String> decided = new HashSet<>();
            for (String cartKey : tables.connectedCarts(Keys.tenant(wmsKey))) {
                String key = cartKey + "/" + sku;
                CartInventoryObserved held = carts.held(key);
                ProductAliasChanged alias = held == null ? null : aliasOf(held);
                if (held != null && feeds(held, alias, wmsKey)) {
                    evaluate(key, held, alias);
                    decided.add(key);
                }
            }
            for (String key : wmsIndex.cartSkus(wmsKey)) {
                // A SKU decided above is found under its own name: no need to read it again or keep it indexed.
                CartInventoryObserved held = decided.contains(key) ? null : carts.held(key);
                ProductAliasChanged alias = held == null ? null : aliasOf(held);
                if (held == null || !feeds(held, alias, wmsKey)) {
                    wmsIndex.remove(wmsKey, key);
                } else {
                    evaluate(key, held, alias);
                }
            }
        }

        /** Whether the held cart SKU, with its alias, in a connected cart, looks up this WMS key. */
        private boolean feeds(CartInventoryObserved held, ProductAliasChanged alias, String wmsKey) {
            CartConnectionConfigured connection = tables.connection(Keys.cart(held.tenantId(), held.cartId()));
            return connection != null
                    && MatchInput.wmsKey(held, connection, alias).equals(wmsKey);
        }

        private void cycleCompleted(String cartKey, CartCycleCompleted cycle) {
            Instant previous = cycles.last(cartKey);
            boolean newer = previous == null || cycle.cycleAt().isAfter(previous);
            if (newer) {
                cycles.record(cartKey, cycle.cycleAt());
            }
            if (tables.connection(cartKey) == null) {
                return;
            }
            Instant now = clock.instant();
            List<String> unverified = pending.skus(cartKey, maxUnverified);
            if (unverified.size() <= maxUnverified) {
                int partition = context.recordMetadata().orElseThrow().partition();
                CartCycleVerified verdict = new CartCycleVerified(
                        UUID.randomUUID(),
                        cycle.tenantId(),
                        cycle.cartId(),
                        cycle.cycleAt(),
                        cycle.completedAt(),
                        partition,
                        unverified,
                        now);
                context.forward(new Record<>(
                        cartKey,
                        new Addressed(new Decision.Verdict(verdict), partition),
                        timestamp,
                        EventTypes.mark(new RecordHeaders(), EventTypes.CART_CYCLE_VERIFIED)));
            }
            if (newer) {
                for (KeyValue<String, PushCartInventory> push :
                        pending.dueAgain(cartKey, previous, cycle.cycleAt(), now)) {
                    context.forward(
                            new Record<>(push.key, new Addressed(new Decision.Push(push.value), partition), timestamp));
                }
            }
        }

        /**
         * Inner join: a cart SKU whose cart has no connection is held, not decided. A held SKU that an alias change
         * gave another owner goes to it instead.
         */
        private void evaluate(String key, CartInventoryObserved cart) {
            evaluate(key, cart, aliasOf(cart));
        }

        /** With the SKU's alias (null: none) already read. */
        private void evaluate(String key, CartInventoryObserved cart, ProductAliasChanged alias) {
            int owner = owners.ofCartSku(cart.tenantId(), cart.sku(), alias);
            if (owner != partition) {
                handOver(key, owner);
                return;
            }
            String cartKey = Keys.cart(cart.tenantId(), cart.cartId());
            CartConnectionConfigured connection = tables.connection(cartKey);
            if (connection == null) {
                return;
            }
            String wmsKey = MatchInput.wmsKey(cart, connection, alias);
            // A SKU looked up under its own name is found without the index (see wmsChanged).
            if (!MatchInput.wantedWmsSku(cart, alias).equals(cart.sku())) {
                wmsIndex.add(wmsKey, key);
            }
            Instant lastCycle = cycles.last(cartKey);
            Decision decision = SyncDecision.decide(
                    new MatchInput(cart, connection, alias, tables.wms(wmsKey), lastCycle), clock.instant());
            if (decision instanceof Decision.Push push) {
                if (pending.send(key, push.command(), lastCycle)) {
                    context.forward(new Record<>(key, new Addressed(decision, partition), timestamp));
                }
            } else {
                pending.clear(key);
                context.forward(new Record<>(key, new Addressed(decision, partition), timestamp));
            }
        }

        /** The SKU's result is removed (it left the cart, or the cart was disconnected). */
        private void remove(String key) {
            pending.clear(key);
            context.forward(new Record<>(key, new Addressed(new Decision.Removed(), partition), timestamp));
        }

        /**
         * What this task held of a cart SKU it no longer owns goes to the owner, whose guard orders it with what the
         * owner holds, and is forgotten here with its pending push (the owner decides the SKU afresh).
         */
        private void handOver(String key, int owner) {
            CartHeld held = carts.take(key);
            if (held == null) {
                return;
            }
            pending.clear(key);
            context.forward(new Record<>(
                    key,
                    new Addressed(new Decision.Reroute(held.observation()), owner),
                    held.seen().atMillis()));
        }

        private int ownerOf(String tenantId, String sku) {
            return owners.ofCartSku(tenantId, sku, tables.alias(Keys.alias(tenantId, sku)));
        }

        private ProductAliasChanged aliasOf(CartInventoryObserved cart) {
            return tables.alias(Keys.alias(cart.tenantId(), cart.sku()));
        }
    }
}
