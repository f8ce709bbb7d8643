package io.productsync.report.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A keyset page: pass {@code next} as {@code after} to read on; null when this is the last page. */
record Page<T>(
        List<T> items,
        @JsonInclude(JsonInclude.Include.ALWAYS) String next) {}
