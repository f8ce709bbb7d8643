package io.productsync.report.web;

import io.productsync.events.CanonicalInstantText;
import java.time.Instant;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * The API writes instants as it always did ({@link Instant#toString()}, ISO-8601 in UTC), through common-events' {@link CanonicalInstantText}
 * instead of the default serializer's {@code toString}: a page of 50 rows has 100 of them (issue 7, B5).
 */
@Configuration(proxyBeanMethods = false)
class InstantJson {

    @Bean
    JsonMapperBuilderCustomizer instantsWithoutGarbage() {
        return builder ->
                builder.addModule(new SimpleModule("instant-text").addSerializer(Instant.class, new Writer()));
    }

    static final class Writer extends StdSerializer<Instant> {

        Writer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator generator, SerializationContext context) {
            char[] buffer = new char[CanonicalInstantText.MAX_LENGTH];
            int length = CanonicalInstantText.write(value, buffer);
            if (length < 0) {
                generator.writeString(value.toString());
            } else {
                generator.writeString(buffer, 0, length);
            }
        }
    }
}
