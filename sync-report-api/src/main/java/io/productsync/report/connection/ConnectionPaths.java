package io.productsync.report.connection;

/**
 * The connection endpoints, which receive credentials: one place for the security that a later change puts in front
 * of them ({@code /api/v1/tenants/*}{@code /carts/*} without {@code /product-sync}, and {@code .../wms/**}).
 */
public final class ConnectionPaths {

    public static final String CARTS = "/api/v1/tenants/{tenantId}/carts";
    public static final String WMS = "/api/v1/tenants/{tenantId}/wms";

    private ConnectionPaths() {}
}
