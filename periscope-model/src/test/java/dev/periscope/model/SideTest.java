package dev.periscope.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One meaning of side: the enum, its byte codes and the aggressor byte agree on +1 buy and -1 sell. */
class SideTest {
    @Test
    void enumCodesAndAggressorAgree() {
        assertThat(Side.BUY.code()).isEqualTo(Side.BUY_CODE).isEqualTo(Aggressor.BUY).isEqualTo((byte) 1);
        assertThat(Side.SELL.code()).isEqualTo(Side.SELL_CODE).isEqualTo(Aggressor.SELL).isEqualTo((byte) -1);
        assertThat(Aggressor.UNKNOWN).isNotIn(Side.BUY_CODE, Side.SELL_CODE);
        for (Side s : Side.values()) {
            assertThat(Side.ofSign(s.code())).isSameAs(s);
            assertThat(s.opposite().code()).isEqualTo((byte) -s.code());
        }
        assertThatThrownBy(() -> Side.ofSign(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
