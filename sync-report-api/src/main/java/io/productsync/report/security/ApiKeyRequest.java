package io.productsync.report.security;

/** The body of {@code POST .../api-keys}: a name to tell keys apart and the role it grants in the path's tenant. */
record ApiKeyRequest(String name, String role) {}
