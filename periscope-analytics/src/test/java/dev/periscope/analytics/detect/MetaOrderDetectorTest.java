package dev.periscope.analytics.detect;

import dev.periscope.model.Aggressor;
import dev.periscope.model.Px;
import org.junit.jupiter.api.Test;

import static dev.periscope.analytics.detect.OFeed.field;
import static org.assertj.core.api.Assertions.assertThat;

/** Expected values from an independent Python re-implementation of the definition (statistics.mean/stdev). */
class MetaOrderDetectorTest {
    private static final long MIN = 60_000_000_000L, SEC = 1_000_000_000L;

    /** window 5 min, bucket 1 min, zEnter 3, zExit 1, 5 baseline samples, 10 prints, 55 %. */
    private static MetaOrderDetector small() {
        return new MetaOrderDetector(new MetaOrderDetector.Params(5 * MIN, MIN, 3.0, 1.0, 5, 10, 0.55,
                Px.ofUnits(10_000), DetectSupport.NON_REGULAR));
    }

    /**
     * Bucket j: 10 buys and 10 sells of 100 plus one extra buy (j even) or sell (j odd); buckets in
     * [metaFrom, metaTo] add 20 more buys of 100 (a meta-order at ~30 % of volume). Returns alerts raised so far.
     */
    private static int feed(Feed f, int buckets, int metaFrom, int metaTo) {
        int raised = 0;
        for (int j = 0; j < buckets; j++) {
            int i = 0;
            for (int r = 0; r < 10; r++) {
                raised += f.t(j * MIN + i++ * SEC, "10.00", "100", 'Q', "", 1);
                raised += f.t(j * MIN + i++ * SEC, "10.00", "100", 'Q', "", -1);
            }
            raised += f.t(j * MIN + i++ * SEC, "10.00", "100", 'Q', "", j % 2 == 0 ? 1 : -1);
            if (j >= metaFrom && j <= metaTo)
                for (int r = 0; r < 20; r++) raised += f.t(j * MIN + i++ * SEC, "10.00", "100", 'K', "", 1);
        }
        return raised;
    }

    @Test
    void aPersistentBuyingMetaOrderIsOneAccumulationHypothesis() {
        Feed f = new Feed(small());
        assertThat(feed(f, 29, 20, 24)).isZero();                       // closes only when bucket 28 closes
        assertThat(f.t(29 * MIN, "10.00", "100", 'Q', "", 1)).isEqualTo(1);
        Alert a = f.last();
        assertThat(a.detector()).isEqualTo("meta-order");
        assertThat(a.kind()).isEqualTo("accumulation");
        assertThat(a.side()).isEqualTo(Aggressor.BUY);
        assertThat(a.tsStart()).isEqualTo(16 * MIN);                    // start of the first significant window
        assertThat(a.tsEnd()).isEqualTo(27 * MIN + 20 * SEC);           // last print of bucket 27
        assertThat(a.totalSize()).isEqualTo(Px.ofUnits(35_200));
        assertThat(a.prints()).isEqualTo(352);
        assertThat(a.notional()).isEqualTo(352_000.0);
        assertThat(a.level()).isEqualTo(Px.parse("10.00"));
        assertThat(field(a, "signed")).isEqualTo("10000");
        assertThat(field(a, "z")).isEqualTo("97.79");
        assertThat(field(a, "participation")).isEqualTo("0.284");
        assertThat(field(a, "baselineMean")).isEqualTo("0.0");
        assertThat(field(a, "baselineSd")).isEqualTo("104.4");
        assertThat(field(a, "samples")).isEqualTo("12");
        assertThat(a.params()).startsWith("window=5min,bucket=1min,zEnter=3.0,zExit=1.0,minBaselineSamples=5,"
                + "minPrints=10,minDominantShare=0.55,maxPrintSize=10000,excluded=");
        assertThat(feed(f, 0, 0, 0) + f.flush()).isZero();
    }

    @Test
    void balancedFlowIsNotAMetaOrder() {
        Feed f = new Feed(small());
        assertThat(feed(f, 60, -1, -1)).isZero();
        assertThat(f.flush()).isZero();
    }

    @Test
    void blocksAndUnsignedPrintsDoNotCount() {
        Feed f = new Feed(small());
        int raised = feed(f, 20, -1, -1);
        for (int j = 20; j < 40; j++) {
            raised += f.t(j * MIN, "10.00", "10000", 'D', "", 1);       // block: ignored
            raised += f.t(j * MIN + SEC, "10.00", "2000", 'Q', "", 0);  // unsigned: ignored
            for (int r = 0; r < 10; r++) {
                raised += f.t(j * MIN + (2 + 2 * r) * SEC, "10.00", "100", 'Q', "", 1);
                raised += f.t(j * MIN + (3 + 2 * r) * SEC, "10.00", "100", 'Q', "", -1);
            }
        }
        assertThat(raised + f.flush()).isZero();
    }

    @Test
    void distributionIsDetectedAtFlush() {
        Feed f = new Feed(small());
        int raised = 0;
        for (int j = 0; j < 25; j++) {
            for (int r = 0; r < 10; r++) {
                raised += f.t(j * MIN + 2L * r * SEC, "10.00", "100", 'Q', "", 1);
                raised += f.t(j * MIN + (2L * r + 1) * SEC, "10.00", "100", 'Q', "", -1);
            }
            raised += f.t(j * MIN + 30 * SEC, "10.00", "100", 'Q', "", j % 3 == 0 ? 1 : -1);
            if (j >= 22) for (int r = 0; r < 30; r++) raised += f.t(j * MIN + (31 + r) * SEC / 2, "10.00", "100", 'Q', "", -1);
        }
        assertThat(raised).isZero();
        assertThat(f.flush()).isEqualTo(1);
        assertThat(f.last().kind()).isEqualTo("distribution");
        assertThat(f.last().side()).isEqualTo(Aggressor.SELL);
    }
}
