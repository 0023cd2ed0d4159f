package dev.periscope.analytics.detect;

import dev.periscope.model.AssetClass;
import dev.periscope.model.Px;
import org.junit.jupiter.api.Test;

import static dev.periscope.analytics.detect.BlockDetector.BY_ADV;
import static dev.periscope.analytics.detect.BlockDetector.BY_NOTIONAL;
import static dev.periscope.analytics.detect.BlockDetector.BY_SIZE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BlockDetectorTest {
    private static final MutablePrintContext PRINT = new MutablePrintContext();

    private final BlockDetector regNms = new BlockDetector(BlockDetector.Params.US_EQUITY);

    @Test
    void regNmsCriteriaByShareCountAndByNotional() {
        // 10,000 x $10 = $100,000: a block by shares only
        assertThat(regNms.criteria(Px.parse("10"), Px.ofUnits(10_000))).isEqualTo(BY_SIZE);
        // 9,999 x $150 = $1,499,850 >= $200,000: not by shares, but by notional
        assertThat(regNms.criteria(Px.parse("150"), Px.ofUnits(9_999))).isEqualTo(BY_NOTIONAL);
        // 9,999 x $20 = $199,980: neither
        assertThat(regNms.criteria(Px.parse("20"), Px.ofUnits(9_999))).isZero();
        // both
        assertThat(regNms.criteria(Px.parse("20"), Px.ofUnits(10_000))).isEqualTo(BY_SIZE | BY_NOTIONAL);
    }

    @Test
    void notionalBoundaryIsExact() {
        // 8,000 x $25 = $200,000 exactly -> block; 7,999.99999999 x $25 = $199,999.99999975 -> not
        assertThat(regNms.criteria(Px.parse("25"), Px.ofUnits(8_000))).isEqualTo(BY_NOTIONAL);
        assertThat(regNms.criteria(Px.parse("25"), Px.parse("7999.99999999"))).isZero();
        // 0.00000001 over the boundary in price: 8,000 x 25.00000001 = 200,000.00008
        assertThat(regNms.criteria(Px.parse("25.00000001"), Px.ofUnits(8_000))).isEqualTo(BY_NOTIONAL);
        assertThat(regNms.criteria(Px.parse("24.99999999"), Px.ofUnits(8_000))).isZero();
        // large values do not overflow: 5e9 units x $90,000
        assertThat(DetectSupport.notionalAtLeast(Px.ofUnits(90_000), Px.ofUnits(5_000_000_000L), Px.ofUnits(200_000))).isTrue();
    }

    @Test
    void emitsOneAlertPerBlockWithFullProvenance() {
        Feed f = new Feed(regNms);
        assertThat(f.t(Feed.ms(1_000), "150", "9999", 'N', "", +1)).isEqualTo(1);
        Alert a = f.last();
        assertThat(a.detector()).isEqualTo("block");
        assertThat(a.params()).startsWith("minSize=10000,minNotional=200000,advPercent=1.0,advLookback=20,advMinSessions=5,excluded=");
        assertThat(a.kind()).isEqualTo("block");
        assertThat(a.tsStart()).isEqualTo(Feed.ms(1_000)).isEqualTo(a.tsEnd());
        assertThat(a.side()).isEqualTo((byte) 1);
        assertThat(a.priceLow()).isEqualTo(Px.parse("150")).isEqualTo(a.priceHigh()).isEqualTo(a.level());
        assertThat(a.totalSize()).isEqualTo(Px.ofUnits(9_999));
        assertThat(a.notional()).isCloseTo(1_499_850.0, within(1e-6));
        assertThat(a.venues()).isEqualTo("N");
        assertThat(a.prints()).isEqualTo(1);
        assertThat(a.description()).contains("notional>=200000").doesNotContain("size>=");
        // small prints raise nothing
        assertThat(f.t(Feed.ms(1_001), "150", "100", 'N', "", +1)).isZero();
    }

    @Test
    void offExchangeBlocksAreFlaggedSeparately() {
        Feed f = new Feed(regNms);
        f.t(Feed.ms(1), "158.75", "10100", 'D', "", 0);
        f.t(Feed.ms(2), "158.75", "10100", 'K', "", -1);
        assertThat(f.out.alerts()).extracting(Alert::kind).containsExactly("off-exchange-block", "block");
        assertThat(f.out.alerts().get(0).venues()).isEqualTo("D");
    }

    @Test
    void nonRegularConditionsAreNeverBlocks() {
        Feed f = new Feed(regNms);
        for (String c : new String[] {"W", "4", "P", "4 B", "7 V", "O", "6", "M", "Q", "Z", "L", "N", "R", "C", "U", "X", "TP", "B"})
            assertThat(f.t(Feed.ms(1), "100", "50000", 'N', c, 1)).as(c).isZero();
        // regular, ISO, Form T, odd-lot flag, intermarket-sweep+odd-lot are eligible; "B" without a known tape is
        // read as CTA's average-price trade (SaleCondition.Plan.UNKNOWN), so it is not
        for (String c : new String[] {"", "@", "F", "T", "FT", "I", "F I"})
            assertThat(f.t(Feed.ms(2), "100", "50000", 'N', c, 1)).as(c).isEqualTo(1);
    }

    @Test
    void relativeToAdvUsesPriorSessionsVolumeOnly() {
        var p = new BlockDetector.Params(0, 0, 1.0, 2, 1, DetectSupport.NON_REGULAR);
        BlockDetector d = new BlockDetector(p);
        Feed f = new Feed(d);
        // session 1: 100,000 shares of volume; the official-close print M does not update volume
        f.t(Feed.ms(1), "10", "60000", 'N', "", 1);
        f.t(Feed.ms(2), "10", "40000", 'D', "", 0);
        f.t(Feed.ms(3), "10", "1000000", 'N', "M", 0);
        assertThat(f.out.size()).isZero();                     // no ADV yet: nothing can be a block
        assertThat(d.averageDailyVolume()).isZero();
        f.session = 2;
        assertThat(f.t(Feed.ms(10), "10", "999", 'N', "", 1)).isZero();
        assertThat(d.averageDailyVolume()).isEqualTo(Px.ofUnits(100_000));
        assertThat(f.t(Feed.ms(11), "10", "1000", 'N', "", 1)).isEqualTo(1);
        assertThat(f.last().description()).contains("1.00% of ADV");
        // session 2 volume = 999 + 1000 = 1,999; ADV over {100,000, 1,999} = 50,999.5 -> 50,999.5 in fixed point
        f.session = 3;
        f.t(Feed.ms(20), "10", "1", 'N', "", 1);
        assertThat(d.averageDailyVolume()).isEqualTo(Px.parse("50999.5"));
        // lookback 2: session 3 pushes session 1 out
        f.session = 4;
        f.t(Feed.ms(30), "10", "1", 'N', "", 1);
        assertThat(d.averageDailyVolume()).isEqualTo(Px.ofUnits(1_000));   // (1,999 + 1) / 2
        // a caller-supplied ADV wins
        d.setAverageDailyVolume(Px.ofUnits(1_000_000));
        assertThat(d.criteria(Px.parse("10"), Px.ofUnits(9_999))).isZero();
        assertThat(d.criteria(Px.parse("10"), Px.ofUnits(10_000))).isEqualTo(BY_ADV);
    }

    @Test
    void assetClassDefaults() {
        assertThat(BlockDetector.Params.forAssetClass(AssetClass.EQUITY).minSize()).isEqualTo(Px.ofUnits(10_000));
        // the equity alert default is size-based; the Reg NMS rule stays available by name
        assertThat(BlockDetector.Params.forAssetClass(AssetClass.EQUITY).minNotional()).isZero();
        assertThat(BlockDetector.Params.REG_NMS.minNotional()).isEqualTo(Px.ofUnits(200_000));
        assertThat(BlockDetector.Params.REG_NMS.minSize()).isEqualTo(Px.ofUnits(10_000));
        BlockDetector sizeOnly = new BlockDetector(BlockDetector.Params.forAssetClass(AssetClass.EQUITY));
        AlertCollector c = new AlertCollector();
        // 2,000 sh at $100 = $200,000: a Reg NMS block by notional, not a default alert
        sizeOnly.onTrade(PRINT.set(1, 1_000, Px.ofUnits(100), Px.ofUnits(2_000), 'N', 0, (byte) 1, Px.NONE, Px.NONE), c);
        assertThat(c.size()).isZero();
        sizeOnly.onTrade(PRINT.set(1, 2_000, Px.ofUnits(100), Px.ofUnits(10_000), 'N', 0, (byte) 1, Px.NONE, Px.NONE), c);
        assertThat(c.size()).isEqualTo(1);
        var crypto = BlockDetector.Params.forAssetClass(AssetClass.CRYPTO_SPOT);
        assertThat(crypto.minSize()).isZero();
        assertThat(crypto.minNotional()).isEqualTo(Px.ofUnits(100_000));
        BlockDetector d = new BlockDetector(crypto);
        // 1.5 BTC x $70,000 = $105,000 -> block by notional; 1.4 x 70,000 = 98,000 -> not
        assertThat(d.criteria(Px.ofUnits(70_000), Px.parse("1.5"))).isEqualTo(BY_NOTIONAL);
        assertThat(d.criteria(Px.ofUnits(70_000), Px.parse("1.4"))).isZero();
        assertThatThrownBy(() -> BlockDetector.Params.forAssetClass(AssetClass.FUTURE))
                .hasMessageContaining("Rule 526");
    }
}
