package dev.periscope.options;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExercisePolicyTest {
    @Test
    void cashSettledIndexRootsAreEuropean() {
        for (String root : new String[]{"SPX", "SPXW", "XSP", "NDX", "NDXP", "RUT", "VIX", "DJX", "XEO", "spxw", " SPXW  "})
            assertThat(ExercisePolicy.forRoot(root)).as(root).isEqualTo(ExerciseStyle.EUROPEAN);
    }

    @Test
    void stocksEtfsAndOexAreAmerican() {
        for (String root : new String[]{"SPY", "QQQ", "IWM", "DIA", "AAPL", "TSLA", "OEX", "BRKB"})
            assertThat(ExercisePolicy.forRoot(root)).as(root).isEqualTo(ExerciseStyle.AMERICAN);
        assertThatThrownBy(() -> ExercisePolicy.forRoot(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
