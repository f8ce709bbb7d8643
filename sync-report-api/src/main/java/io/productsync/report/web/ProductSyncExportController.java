package io.productsync.report.web;

import io.productsync.report.syncstatus.SyncFilter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.core.log.LogAccessor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The whole filtered table of one cart as a CSV download, streamed. Ids and filters are checked as the list checks
 * them, so a 400 or 404 is a problem+json answer before any byte of CSV is written.
 */
@RestController
@RequestMapping("/api/v1/tenants/{tenantId}/carts/{cartId}/product-sync")
class ProductSyncExportController {

    private static final LogAccessor LOG = new LogAccessor(ProductSyncExportController.class);

    private final ProductSyncExport export;
    private final KnownScope scope;
    private final Clock clock;

    ProductSyncExportController(ProductSyncExport export, KnownScope scope, Clock clock) {
        this.export = export;
        this.scope = scope;
        this.clock = clock;
    }

    @GetMapping("/export")
    void export(
            @PathVariable String tenantId,
            @PathVariable String cartId,
            @RequestParam(required = false) String never,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String skuPrefix,
            @RequestParam(required = false) String outcome,
            HttpServletResponse response)
            throws IOException {
        scope.cart(tenantId, cartId);
        SyncFilter filter = RequestParams.filter(never, reason, skuPrefix, outcome);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(fileName(tenantId, cartId))
                        .build()
                        .toString());
        Writer out = new BufferedWriter(
                new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), 64 * 1024);
        try {
            long rows = export.write(tenantId, cartId, filter, out);
            LOG.debug(() -> "exported " + rows + " rows of " + tenantId + "/" + cartId);
        } catch (IOException e) {
            // Only the response's stream throws it: the client went away. One page was in flight; none is read after.
            LOG.info("export of " + tenantId + "/" + cartId + " stopped: the client went away (" + e + ")");
        } catch (RuntimeException e) {
            if (!response.isCommitted()) {
                response.reset(); // nothing was sent: answered as any other failure (503 when the database is down)
                throw e;
            }
            // Rows were sent, so no error answer can be given: the failure is logged here, and the exception, which
            // no handler takes, makes Tomcat cut the connection: the client sees an unfinished download, never a
            // short file that looks whole.
            LOG.warn(e, "export of " + tenantId + "/" + cartId + " failed after its first rows were sent");
            throw new IncompleteExport(tenantId + "/" + cartId);
        }
    }

    private String fileName(String tenantId, String cartId) {
        return tenantId + "_" + cartId + "_product-sync_" + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
                + ".csv";
    }

    /**
     * Neither a RuntimeException nor carrying its cause (handlers match causes too), so no handler writes a problem
     * into a CSV under way; the cause is logged where it is caught.
     */
    static final class IncompleteExport extends IOException {
        IncompleteExport(String cart) {
            super("export of " + cart + " cut off after a failure (logged before this)");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this; // one line in Tomcat's log: the cause's trace is already there
        }
    }
}
