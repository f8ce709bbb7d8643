package io.productsync.poller.sandbox;

import io.productsync.events.CartKey;
import io.productsync.events.Ids;
import io.productsync.poller.connector.CartConnector;
import io.productsync.poller.connector.Connection;
import io.productsync.poller.connector.ConnectorException;
import io.productsync.poller.connector.ConnectorProvider;
import io.productsync.poller.connector.WmsConnector;
import io.productsync.poller.connector.WmsRef;
import io.productsync.poller.system.PollerSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Connections from a directory a person can edit: {@code <dir>/<tenant>/carts/<cart>.csv} and
 * {@code <dir>/<tenant>/wms/<wms>.csv}. Every cart of a tenant is fed by its first WMS by name with both syncs on,
 * unless its optional {@code <dir>/<tenant>/carts/<cart>.properties} says otherwise. The directory and the settings
 * files are read again every discovery, so tenants, carts and changed settings are picked up.
 */
@Component
final class SandboxConnectors implements ConnectorProvider {

    private static final Logger log = LoggerFactory.getLogger(SandboxConnectors.class);
    private static final String CSV = ".csv";

    private final PollerSettings.Sandbox settings;
    private final FileLocks locks = new FileLocks();
    /** Each bad name or settings problem is reported once, not every few seconds. */
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    /** The connection each cart had from its last good (or absent) settings file. */
    private final Map<CartKey, Connection> lastGood = new ConcurrentHashMap<>();

    SandboxConnectors(PollerSettings settings) {
        this.settings = settings.sandbox();
    }

    @Override
    public List<Connection> discover() {
        Path root = settings.dir();
        if (!Files.isDirectory(root)) {
            reportOnce("sandbox directory " + root.toAbsolutePath() + " does not exist; no carts to poll");
            return List.of();
        }
        List<Connection> connections = new ArrayList<>();
        for (String tenant : ids(root, false)) {
            List<String> wms = ids(root.resolve(tenant).resolve("wms"), true);
            List<String> carts = ids(root.resolve(tenant).resolve("carts"), true);
            if (wms.isEmpty() && !carts.isEmpty()) {
                reportOnce("tenant " + tenant + " has carts but no wms/*.csv; its carts are not connected");
                continue;
            }
            for (String cart : carts) {
                connection(new CartKey(tenant, cart), wms).ifPresent(connections::add);
            }
        }
        // A cart that left is new if it comes back: a bad settings file then leaves it unconnected.
        lastGood.keySet()
                .retainAll(Set.copyOf(connections.stream().map(Connection::cart).toList()));
        return connections;
    }

    /** The cart's settings file applied; when the file has problems, the connection the cart had (if any). */
    private Optional<Connection> connection(CartKey cart, List<String> wms) {
        Path file = settings.dir()
                .resolve(cart.tenantId())
                .resolve("carts")
                .resolve(cart.cartId() + CartSettingsFile.SUFFIX);
        CartSettingsFile.Result read = CartSettingsFile.read(file, wms, settings.pollInterval());
        if (read.problems().isEmpty()) {
            // Fixed: the same mistake made again later is reported again.
            reported.removeIf(message -> message.startsWith(file + " ") || message.startsWith(file + ":"));
            Connection connection = read.settings().connection(cart.tenantId(), cart.cartId());
            lastGood.put(cart, connection);
            return Optional.of(connection);
        }
        Connection previous = lastGood.get(cart);
        String outcome = previous == null
                ? "; cart " + cart.value() + " is not connected until the file is fixed"
                : "; cart " + cart.value() + " keeps its previous settings";
        read.problems().forEach(problem -> reportOnce(problem + outcome));
        return Optional.ofNullable(previous);
    }

    @Override
    public Optional<CartConnector> cart(CartKey cart) {
        return file(cart.tenantId(), "carts", cart.cartId(), InventoryCsv.CART).map(SandboxCartConnector::new);
    }

    @Override
    public Optional<WmsConnector> wms(WmsRef wms) {
        return file(wms.tenantId(), "wms", wms.wmsId(), InventoryCsv.WMS).map(file -> file::readPage);
    }

    private <T> Optional<SandboxFile<T>> file(String tenant, String kind, String id, InventoryCsv<T> format) {
        Path path = settings.dir().resolve(tenant).resolve(kind).resolve(id + CSV);
        return Files.isRegularFile(path)
                ? Optional.of(new SandboxFile<>(path, format, locks, settings.pageSize()))
                : Optional.empty();
    }

    /** Valid ids among the sub-directories (or {@code *.csv} files) of {@code dir}, sorted by name. */
    private List<String> ids(Path dir, boolean csvFiles) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(path -> csvFiles
                            ? Files.isRegularFile(path)
                                    && path.getFileName().toString().endsWith(CSV)
                            : Files.isDirectory(path))
                    .map(path -> path.getFileName().toString())
                    .map(name -> csvFiles ? name.substring(0, name.length() - CSV.length()) : name)
                    .filter(id -> validId(dir, id))
                    .sorted()
                    .toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new ConnectorException("cannot list " + dir + ": " + e, e);
        }
    }

    private boolean validId(Path dir, String id) {
        try {
            Ids.requireId(id, "id");
            return true;
        } catch (IllegalArgumentException e) {
            reportOnce("skipping " + dir.resolve(id) + ": " + e.getMessage());
            return false;
        }
    }

    private void reportOnce(String message) {
        if (reported.add(message)) {
            log.warn(message);
        }
    }
}
