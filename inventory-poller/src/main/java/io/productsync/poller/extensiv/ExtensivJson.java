package io.productsync.poller.extensiv;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The mapping of Extensiv's JSON, apart from the event mapping: the vendor's samples are camelCase, its model tables and
 * exception bodies PascalCase, so properties match in any case; unknown fields (HAL {@code _links}) are ignored.
 */
final class ExtensivJson {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ExtensivJson() {}
}
