package dev.periscope.analytics.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.periscope.model.Px;
import org.junit.jupiter.api.Test;

class BulkVolumeClassifierTest {
    /** Audit 11.2: dP = +0.02, -0.01, 0 with sigma 0.02; V = 1000, 500, 800 -> 841.34, 154.27, 400.00. */
    @Test
    void auditCase() {
        assertThat(1000 * BulkVolumeClassifier.buyFraction(0.02, 0.02)).isCloseTo(841.34, within(0.005));
        assertThat(500 * BulkVolumeClassifier.buyFraction(-0.01, 0.02)).isCloseTo(154.27, within(0.005));
        assertThat(800 * BulkVolumeClassifier.buyFraction(0.0, 0.02)).isCloseTo(400.00, within(1e-12));
        // more digits: scipy norm.cdf
        assertThat(1000 * BulkVolumeClassifier.buyFraction(0.02, 0.02)).isCloseTo(841.3447460685429, within(1e-10));
        assertThat(500 * BulkVolumeClassifier.buyFraction(-0.01, 0.02)).isCloseTo(154.26876936299345, within(1e-10));
    }

    /**
     * Streaming: closes 10.00, 9.98, 9.98, 10.00 give the window {-0.02, 0, +0.02} whose sample sd is 0.02, so
     * the next bar (+0.02, V=1000) is the audit case; the window then rolls. Oracle: numpy std(ddof=1) and
     * scipy norm.cdf / t.cdf(nu=0.25) over the same closes.
     */
    @Test
    void streamingWindowAndWarmUp() {
        long[] closes = {px("10.00"), px("9.98"), px("9.98"), px("10.00"), px("10.02"), px("10.01"), px("10.01")};
        long[] vols = {Px.ofUnits(7), Px.ofUnits(7), Px.ofUnits(7), Px.ofUnits(7), Px.ofUnits(1000), Px.ofUnits(500), Px.ofUnits(800)};
        double[] expectedNormal = {Double.NaN, Double.NaN, Double.NaN, Double.NaN, 841.3447460685429, 96.61905769280818, 400.0};
        double[] expectedT = {Double.NaN, Double.NaN, Double.NaN, Double.NaN, 644.348128962956, 183.46894872193747, 400.0};
        double[] expectedSigma = {0, 0, 0, 0, 0.019999999999999574, 0.01154700538379227, 0.017320508075688405};
        BulkVolumeClassifier n = BulkVolumeClassifier.normal(3);
        BulkVolumeClassifier t = BulkVolumeClassifier.studentT(3, 0.25);
        for (int i = 0; i < closes.length; i++) {
            boolean readyN = n.onBar(closes[i], vols[i]);
            boolean readyT = t.onBar(closes[i], vols[i]);
            assertThat(readyN).as("bar %d", i + 1).isEqualTo(i >= 4);
            assertThat(readyT).isEqualTo(i >= 4);
            if (i < 4) {
                assertThat(n.buyVolume()).isZero();
                assertThat(n.sellVolume()).isZero();
                continue;
            }
            assertThat(n.sigma()).isCloseTo(expectedSigma[i], within(1e-15));
            assertThat(n.buyVolume()).isCloseTo(expectedNormal[i], within(1e-9));
            assertThat(n.buyVolume() + n.sellVolume()).isCloseTo(Px.toDouble(vols[i]), within(1e-9));
            assertThat(t.buyVolume()).isCloseTo(expectedT[i], within(1e-9));
        }
    }

    @Test
    void zeroSigmaIsNotClassified() {
        BulkVolumeClassifier n = BulkVolumeClassifier.normal(2);
        for (int i = 0; i < 5; i++) assertThat(n.onBar(px("50"), Px.ofUnits(100))).isFalse();
        assertThat(n.onBar(px("50.01"), Px.ofUnits(100))).isFalse(); // window {0, 0}: sigma 0
        assertThat(n.buyVolume()).isZero();
        assertThat(n.onBar(px("50.01"), Px.ofUnits(100))).isTrue();  // window {0, +0.01}
        assertThat(n.buyVolume()).isCloseTo(50.0, within(1e-12));  // dP = 0
        n.reset();
        assertThat(n.onBar(px("50"), Px.ofUnits(100))).isFalse();
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> BulkVolumeClassifier.buyFraction(0.01, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BulkVolumeClassifier.buyFraction(Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BulkVolumeClassifier.normal(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BulkVolumeClassifier.studentT(5, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void accuracyIsOneMinusAbsoluteBuyErrorOverVolume() {
        BulkVolumeAccuracy a = new BulkVolumeAccuracy();
        assertThat(a.accuracy()).isEmpty();
        a.record(60, 50, 100);  // min(60,50) + min(40,50) = 90 right
        a.record(0, 10, 50);    // min(0,10) + min(50,40) = 40 right
        assertThat(a.bars()).isEqualTo(2);
        assertThat(a.accuracy().getAsDouble()).isCloseTo(130.0 / 150, within(1e-15));
        assertThatThrownBy(() -> a.record(101, 50, 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> a.record(Double.NaN, 50, 100)).isInstanceOf(IllegalArgumentException.class);
    }

    private static long px(String s) { return Px.parse(s); }
}
