package io.productsync.report.connection;

/** A connection as published, and whether the PUT created it (201) or replaced one (200). */
record Stored<T>(T connection, boolean created) {}
