package io.productsync.report.syncstatus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SyncFilterTest {

    @Test
    void prefixEndIsThePrefixWithItsLastCharacterIncremented() {
        assertThat(SyncFilter.prefixEnd("TEE/")).isEqualTo("TEE0");
        assertThat(SyncFilter.prefixEnd("a%")).isEqualTo("a&");
    }

    @Test
    void prefixEndSkipsTheSurrogateRangeAndCarriesPastTheLastCodePoint() {
        assertThat(SyncFilter.prefixEnd("x\uD7FF")).isEqualTo("x\uE000");
        assertThat(SyncFilter.prefixEnd("x" + Character.toString(Character.MAX_CODE_POINT)))
                .isEqualTo("y");
        assertThat(SyncFilter.prefixEnd(Character.toString(Character.MAX_CODE_POINT)))
                .isNull();
    }
}
