package io.productsync.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The one JSON mapping of events: camelCase, ISO-8601 instants, enum names as tokens, unknown fields ignored. Instants
 * in their canonical form are written and read by hand ({@link CanonicalInstantSerializer}, {@link
 * CanonicalInstantDeserializer}), with exactly the text and values of Jackson's own java.time handling.
 */
public final class EventJson {

    public static final JsonMapper MAPPER = withJacksonsInstants()
            .addModule(new SimpleModule("canonical-instants")
                    .addSerializer(Instant.class, new CanonicalInstantSerializer())
                    .addDeserializer(Instant.class, new CanonicalInstantDeserializer()))
            .build();

    private EventJson() {}

    /** The mapping with Jackson's own java.time handling of instants: the reference the canonical ones must equal. */
    static JsonMapper.Builder withJacksonsInstants() {
        return JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .changeDefaultPropertyInclusion(
                        inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL));
    }
}
