package io.productsync.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Instant;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.type.LogicalType;

/**
 * Reads an instant written in its {@link CanonicalInstantText} (what every service writes) by hand, and hands
 * everything else (offsets, lower-case letters, epoch numbers, blanks, leap seconds, malformed text) to Jackson's own
 * {@link InstantDeserializer}, so what is accepted, its value, and the error for what is refused stay exactly Jackson's.
 */
final class CanonicalInstantDeserializer extends StdScalarDeserializer<Instant> {

    private final ValueDeserializer<Instant> jacksons;

    CanonicalInstantDeserializer() {
        this(InstantDeserializer.INSTANT);
    }

    private CanonicalInstantDeserializer(ValueDeserializer<Instant> jacksons) {
        super(Instant.class);
        this.jacksons = jacksons;
    }

    /** Jackson's deserializer as Jackson would contextualize it; in front of it the canonical text unless a format is set. */
    @Override
    @SuppressWarnings("unchecked")
    public ValueDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
        ValueDeserializer<Instant> contextual = (ValueDeserializer<Instant>) jacksons.createContextual(ctxt, property);
        if (!JsonFormat.Value.empty().equals(findFormatOverrides(ctxt, property, Instant.class))) {
            return contextual;
        }
        return contextual == jacksons ? this : new CanonicalInstantDeserializer(contextual);
    }

    @Override
    public LogicalType logicalType() {
        return jacksons.logicalType();
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) {
        if (p.hasToken(JsonToken.VALUE_STRING) && !ctxt.isEnabled(DateTimeFeature.TRUNCATE_TO_MSECS_ON_READ)) {
            Instant instant =
                    CanonicalInstantText.parse(p.getStringCharacters(), p.getStringOffset(), p.getStringLength());
            if (instant != null) {
                return instant;
            }
        }
        return jacksons.deserialize(p, ctxt);
    }
}
