package io.productsync.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.util.JsonGeneratorDelegate;
import tools.jackson.core.util.JsonParserDelegate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hand-written instants of {@link EventJson#MAPPER} against Jackson's own java.time handling (the same mapping
 * without them): the same text for every instant, and for every input the same value or the same refusal.
 */
class CanonicalInstantsTest {

    private static final long SEED = 20261127L;
    private static final long YEAR_1970 = 0;
    private static final long YEAR_2101 = LocalDate.of(2101, 1, 1).toEpochDay() * 86_400;
    private static final long YEAR_0000 = LocalDate.of(0, 1, 1).toEpochDay() * 86_400;

    private final JsonMapper jacksons = EventJson.withJacksonsInstants().build();
    private final Random random = new Random(SEED);

    @Test
    void writesEveryInstantAsJacksonDoesAndReadsItBack() {
        for (int i = 0; i < 40_000; i++) {
            assertSameText(randomInstant(YEAR_1970, YEAR_2101));
        }
        for (int i = 0; i < 10_000; i++) {
            assertSameText(randomInstant(YEAR_0000, YEAR_1970));
        }
        for (Instant instant : new Instant[] {
            Instant.EPOCH,
            Instant.EPOCH.minusNanos(1),
            Instant.parse("2024-02-29T23:59:59.999999999Z"),
            Instant.parse("2026-12-31T23:59:59.999Z"),
            Instant.parse("9999-12-31T23:59:59.999999999Z"),
            Instant.parse("+10000-01-01T00:00:00Z"),
            Instant.parse("0000-01-01T00:00:00Z"),
            Instant.parse("-0001-12-31T23:59:59.5Z"),
            Instant.MIN,
            Instant.MAX
        }) {
            assertSameText(instant);
        }
    }

    @Test
    void writesAndReadsTheInstantsOfAnEventByHand() {
        SkuSyncEvaluated event = Fixtures.read("sku-sync-evaluated-updated.json", SkuSyncEvaluated.class);
        // Jackson's own serializer writes a String and its deserializer reads one: only the canonical path uses chars.
        List<String> written = new ArrayList<>();
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = new JsonGeneratorDelegate(EventJson.MAPPER.createGenerator(out)) {
            @Override
            public JsonGenerator writeString(char[] text, int offset, int length) {
                written.add(new String(text, offset, length));
                return super.writeString(text, offset, length);
            }
        }) {
            EventJson.MAPPER.writeValue(generator, event);
        }
        List<String> read = new ArrayList<>();
        try (JsonParser parser = new JsonParserDelegate(EventJson.MAPPER.createParser(out.toString())) {
            @Override
            public char[] getStringCharacters() {
                read.add(getString());
                return super.getStringCharacters();
            }
        }) {
            assertThat(EventJson.MAPPER.readValue(parser, SkuSyncEvaluated.class))
                    .isEqualTo(event);
        }

        assertThat(written)
                .containsExactly(
                        event.eventId().toString(), // Jackson's UUID serializer writes chars too
                        "2026-11-27T09:15:31.002Z",
                        "2026-11-27T09:15:31.002Z");
        assertThat(read).containsExactly("2026-11-27T09:15:31.002Z", "2026-11-27T09:15:31.002Z");
    }

    record Formatted(
            @JsonFormat(shape = JsonFormat.Shape.NUMBER_INT) Instant asNumber,

            @JsonFormat(pattern = "yyyy-MM-dd HH:mm", timezone = "UTC")
            Instant withPattern,

            Instant plain) {}

    @Test
    void leavesAPropertyWithItsOwnFormatToJackson() {
        Instant at = Instant.parse("2026-11-27T09:15:00Z");
        Formatted value = new Formatted(at, at, at);

        String written = EventJson.MAPPER.writeValueAsString(value);

        assertThat(written)
                .isEqualTo(jacksons.writeValueAsString(value))
                .isEqualTo(
                        "{\"asNumber\":1795770900000,\"withPattern\":\"2026-11-27 09:15\",\"plain\":\"2026-11-27T09:15:00Z\"}");
        assertThat(EventJson.MAPPER.readValue(written, Formatted.class))
                .isEqualTo(jacksons.readValue(written, Formatted.class));
    }

    @Test
    void writesTheFractionInGroupsOfThreeDigitsAsFewAsTheValueNeeds() {
        assertThat(EventJson.MAPPER.writeValueAsString(Instant.parse("2026-11-27T09:00:00Z")))
                .isEqualTo("\"2026-11-27T09:00:00Z\"");
        assertThat(EventJson.MAPPER.writeValueAsString(Instant.parse("2026-11-27T09:00:00.100Z")))
                .isEqualTo("\"2026-11-27T09:00:00.100Z\"");
        assertThat(EventJson.MAPPER.writeValueAsString(Instant.parse("2026-11-27T09:00:00.000120Z")))
                .isEqualTo("\"2026-11-27T09:00:00.000120Z\"");
        assertThat(EventJson.MAPPER.writeValueAsString(Instant.parse("2026-11-27T09:00:00.000000001Z")))
                .isEqualTo("\"2026-11-27T09:00:00.000000001Z\"");
    }

    @Test
    void readsEveryCanonicalTextAsJacksonDoes() {
        for (int i = 0; i < 30_000; i++) {
            String text = randomCanonicalText(i % 10 == 0 ? 0 : 1970, i % 10 == 0 ? 9999 : 2100);
            assertSameOutcome("\"" + text + "\"");
        }
    }

    @Test
    void givesTheSameValueOrTheSameRefusalForEveryOneCharacterChangeOfACanonicalText() {
        String alphabet = "0123456789-:.TZtz+ x";
        for (int i = 0; i < 10_000; i++) {
            StringBuilder text = new StringBuilder(randomCanonicalText(1970, 2100));
            int at = random.nextInt(text.length() + 1);
            char ch = alphabet.charAt(random.nextInt(alphabet.length()));
            switch (random.nextInt(3)) {
                case 0 -> text.insert(at, ch);
                case 1 -> text.deleteCharAt(Math.min(at, text.length() - 1));
                default -> text.setCharAt(Math.min(at, text.length() - 1), ch);
            }
            assertSameOutcome("\"" + text + "\"");
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"2024-02-29T00:00:00Z\"",
                "\"2026-12-31T23:59:59.999999999Z\"",
                "\"2027-01-01T00:00:00.000Z\"",
                "\"2026-11-27T09:00:00.5Z\"",
                "\"2026-11-27T09:00:00.Z\"",
                "\"2026-11-27T09:00:00z\"",
                "\"2026-11-27t09:00:00Z\"",
                "\"2026-11-27T09:00:00+01:00\"",
                "\"2026-11-27T09:00:00-05:00\"",
                "\"2026-11-27T09:00:00+00:00\"",
                "\"2026-11-27T09:00:00+0000\"",
                "\"2026-11-27T09:00:00+00\"",
                "\"2026-11-27T24:00:00Z\"",
                "\"2026-12-31T23:59:60Z\"",
                "\" 2026-11-27T09:00:00Z \"",
                "\"+12026-11-27T09:00:00Z\"",
                "\"-0001-01-01T00:00:00Z\"",
                "\"\"",
                "\"   \"",
                "\"1764234000\"",
                "\"1764234000.5\"",
                "1764234000",
                "1764234000.5",
                "-5",
                "null",
                "\"2026-13-01T00:00:00Z\"",
                "\"2026-02-30T00:00:00Z\"",
                "\"2025-02-29T00:00:00Z\"",
                "\"2026-11-27T09:00:00\"",
                "\"2026-11-27T09:00Z\"",
                "\"2026-11-27T09:00:00Zx\"",
                "\"2026-11-27T09:00:00.1234567891Z\"",
                "\"2026-11-27 09:00:00Z\"",
                "\"2026-1-27T09:00:00Z\"",
                "\"12026-11-27T09:00:00Z\"",
                "\"２０２６-11-27T09:00:00Z\"",
                "true",
                "[\"2026-11-27T09:00:00Z\"]",
                "{}"
            })
    void givesTheSameValueOrTheSameRefusalAsJacksonForAnEdgeInput(String json) {
        assertSameOutcome(json);
        String event = new String(Fixtures.bytes("cart-inventory-observed.json"), StandardCharsets.UTF_8)
                .replace("\"2026-11-27T09:15:30.125Z\"", json);
        assertThat(outcome(EventJson.MAPPER, event, CartInventoryObserved.class))
                .isEqualTo(outcome(jacksons, event, CartInventoryObserved.class));
    }

    @Test
    void acceptsWhatJacksonAcceptsAndRefusesMalformedDatesNamingTheText() {
        assertThat(outcome(EventJson.MAPPER, "\"2026-11-27T10:00:00+01:00\"", Instant.class))
                .isEqualTo("value 2026-11-27T09:00:00Z");
        assertThat(outcome(EventJson.MAPPER, "\"2026-11-27t09:00:00z\"", Instant.class))
                .isEqualTo("value 2026-11-27T09:00:00Z");
        assertThat(outcome(EventJson.MAPPER, "1764234000", Instant.class)).isEqualTo("value 2025-11-27T09:00:00Z");
        assertThat(outcome(EventJson.MAPPER, "\"2026-02-30T00:00:00Z\"", Instant.class))
                .startsWith("refused")
                .contains("\"2026-02-30T00:00:00Z\"");
        assertThat(outcome(EventJson.MAPPER, "\"2026-11-27T09:00:00\"", Instant.class))
                .startsWith("refused")
                .contains("could not be parsed at index 19");
    }

    private void assertSameText(Instant instant) {
        String written = EventJson.MAPPER.writeValueAsString(instant);
        assertThat(written).as("%s (seed %d)", instant, SEED).isEqualTo(jacksons.writeValueAsString(instant));
        assertThat(EventJson.MAPPER.readValue(written, Instant.class)).isEqualTo(instant);
    }

    private void assertSameOutcome(String json) {
        assertThat(outcome(EventJson.MAPPER, json, Instant.class))
                .as("%s (seed %d)", json, SEED)
                .isEqualTo(outcome(jacksons, json, Instant.class));
    }

    private static String outcome(JsonMapper mapper, String json, Class<?> type) {
        try {
            return "value " + mapper.readValue(json, type);
        } catch (JacksonException e) {
            return "refused " + e.getClass().getName() + ": " + e.getMessage();
        }
    }

    private Instant randomInstant(long fromSecond, long toSecond) {
        long second = fromSecond + (long) (random.nextDouble() * (toSecond - fromSecond));
        int nano = switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1_000;
            default -> random.nextInt(1_000_000_000);
        };
        return Instant.ofEpochSecond(second, nano);
    }

    /** yyyy-MM-ddTHH:mm:ss, then no fraction or one of 1-9 random digits (so trailing zeros too), then Z. */
    private String randomCanonicalText(int fromYear, int toYear) {
        int year = fromYear + random.nextInt(toYear - fromYear + 1);
        int month = 1 + random.nextInt(12);
        int day = 1 + random.nextInt(YearMonth.of(year, month).lengthOfMonth());
        StringBuilder text = new StringBuilder(String.format(
                "%04d-%02d-%02dT%02d:%02d:%02d",
                year, month, day, random.nextInt(24), random.nextInt(60), random.nextInt(60)));
        int fractionDigits = random.nextInt(10);
        if (fractionDigits > 0) {
            text.append('.');
            for (int i = 0; i < fractionDigits; i++) {
                text.append(random.nextInt(4) == 0 ? '0' : (char) ('0' + random.nextInt(10)));
            }
        }
        return text.append('Z').toString();
    }
}
