package io.productsync.report.alias;

import io.productsync.events.AliasKind;
import java.time.Instant;

/** An alias as the API shows it. */
public record AliasView(String alias, String wmsSku, AliasKind kind, Instant changedAt) {}
