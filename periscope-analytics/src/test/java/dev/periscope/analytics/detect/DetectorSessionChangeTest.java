package dev.periscope.analytics.detect;

import dev.periscope.model.Px;
import dev.periscope.model.Side;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A session change emits what is open and starts from a clean state. */
class DetectorSessionChangeTest {
    private static final MutablePrintContext PRINT = new MutablePrintContext();

    @Test
    void spoofingGroupIsEmittedAtTheSessionChangeAndTheBookIsReset() {
        OFeed f = new OFeed(SpoofingDetectorTest.det());
        f.add(0, 1, Side.BUY, "10.00", "100");
        f.add(0, 4, Side.SELL, "10.01", "100");
        f.add(0, 2, Side.BUY, "9.99", "100");
        f.add(0, 3, Side.BUY, "9.98", "100");
        f.add(0, 5, Side.SELL, "10.02", "100");
        f.add(1000, 10, Side.BUY, "9.97", "1000");
        f.exec(1500, 4, Side.SELL, "10.01", "50");
        f.delete(1800, 10, Side.BUY, "9.97", "1000");
        f.session = 2;
        // new session: the group of session 1 is emitted first; the old book is gone, so this far bid has no touch
        assertThat(f.add(1900, 11, Side.BUY, "9.90", "5000")).isEqualTo(1);
        assertThat(f.last().kind()).isEqualTo("large-order-flicker");
        f.add(1950, 12, Side.SELL, "10.01", "100");
        f.exec(2000, 12, Side.SELL, "10.01", "100");
        f.delete(2100, 11, Side.BUY, "9.90", "5000");
        assertThat(f.flush()).isZero();
    }

    @Test
    void tradeQuoteIcebergRunsCloseAtTheSessionChange() {
        IcebergTradeQuoteDetector d = new IcebergTradeQuoteDetector();
        AlertCollector out = new AlertCollector();
        long p = Px.parse("10.00"), a = Px.parse("10.02"), s = Px.ofUnits(100);
        d.onQuote(1, 0, 'Q', p, s, a, s, out);
        for (int k = 0; k < 3; k++) {
            d.onTrade(PRINT.set(1, 10 + k * 10, p, s, 'Q', 0, (byte) -1, p, a), out);
            d.onQuote(1, 15 + k * 10, 'Q', p, s, a, s, out);
        }
        assertThat(out.size()).isZero();
        d.onTrade(PRINT.set(2, 100, p, s, 'Q', 0, (byte) -1, p, a), out);   // new session: run emitted, no quote known yet
        assertThat(out.size()).isEqualTo(1);
        assertThat(out.alerts().get(0).prints()).isEqualTo(3);
        d.flush(out);
        assertThat(out.size()).isEqualTo(1);
    }
}
