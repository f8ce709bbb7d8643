package io.productsync.report.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InstantTextTest {

    private final char[] buffer = new char[InstantText.MAX_LENGTH];

    @Test
    void writesWhatToStringWritesForEveryKindOfFraction() {
        for (String text : new String[] {
            "2026-11-27T09:15:30Z",
            "2026-11-27T09:15:30.125Z",
            "2026-11-27T09:15:30.000125Z",
            "2026-11-27T09:15:30.000000125Z",
            "2026-11-27T09:15:30.100Z",
            "2026-11-27T09:15:30.120300Z",
            "1970-01-01T00:00:00Z",
            "1969-12-31T23:59:59.999999999Z",
            "2024-02-29T23:59:59Z",
            "2000-03-01T00:00:00Z",
            "1900-03-01T12:00:00Z",
            "0001-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999Z"
        }) {
            Instant instant = Instant.parse(text);
            assertThat(written(instant)).isEqualTo(instant.toString()).isEqualTo(text);
        }
    }

    @Test
    void writesWhatToStringWritesForRandomInstantsOfYearsOneTo9999() {
        Random random = new Random(7);
        long first = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
        long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            long second = first + (long) (random.nextDouble() * (last - first));
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(second, nano);
            assertThat(written(instant)).isEqualTo(instant.toString());
        }
    }

    @Test
    void leavesYearsOutsideOneTo9999ToToString() {
        assertThat(InstantText.write(Instant.parse("+10000-01-01T00:00:00Z"), buffer))
                .isEqualTo(-1);
        assertThat(InstantText.write(Instant.parse("0000-12-31T23:59:59Z"), buffer))
                .isEqualTo(-1);
        assertThat(InstantText.write(Instant.MIN, buffer)).isEqualTo(-1);
        assertThat(InstantText.write(Instant.MAX, buffer)).isEqualTo(-1);
    }

    private String written(Instant instant) {
        int length = InstantText.write(instant, buffer);
        return new String(buffer, 0, length);
    }
}
