package dev.periscope.analytics.micro;

import dev.periscope.model.Px;
import dev.periscope.testkit.SharedData;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Effective and realized spreads over the real LOBSTER GOOG 2012-06-21 level-1 sample. The book row after message
 * i-1 is the quote prevailing at message i. Checks: (1) a visible execution hits the touch, so its effective spread
 * equals the quoted spread exactly; (2) {@link RealizedSpread} equals a naive twin that, for each trade, scans for
 * the last quote with time &le; t + 5 min.
 */
class LobsterSpreadsTest {
    static final long MIDNIGHT_ET = 1_340_251_200L * 1_000_000_000L;
    static final long DELTA = RealizedSpread.DEFAULT_HORIZON_NANOS;

    static long price(String s) {
        long v = Long.parseLong(s);
        return Math.abs(v) >= 9_999_999_999L ? Px.NONE : Px.ofScaled(v, 4);
    }

    @Test
    void effectiveEqualsQuotedAtTheTouchAndRealizedMatchesNaiveTwin() throws IOException {
        List<String> msgs = Files.readAllLines(SharedData.path("lobster/GOOG_2012-06-21_34200000_57600000_message_1.csv"));
        List<String> book = Files.readAllLines(SharedData.path("lobster/GOOG_2012-06-21_34200000_57600000_orderbook_1.csv"));
        assertThat(book).hasSameSizeAs(msgs);
        int n = msgs.size();
        long[] qt = new long[n], qb = new long[n], qa = new long[n];
        List<long[]> trades = new ArrayList<>();     // {ts, price, size, sign, quoteIndex}
        double[] sums = new double[2];
        RealizedSpread rs = new RealizedSpread(DELTA, (t, p, s, sign, e, r) -> { sums[0] += e; sums[1] += r; });
        int touchChecked = 0;
        for (int i = 0; i < n; i++) {
            String[] m = msgs.get(i).split(","), b = book.get(i).split(",");
            long ts = MIDNIGHT_ET + new BigDecimal(m[0]).movePointRight(9).longValueExact();
            int type = Integer.parseInt(m[1]);
            if ((type == 4 || type == 5) && i > 0) {
                long p = Px.ofScaled(Long.parseLong(m[4]), 4);
                byte sign = (byte) -Integer.parseInt(m[5]);
                rs.onTrade(ts, p, Px.ofUnits(Long.parseLong(m[3])), sign);
                if (Spreads.isValidQuote(qb[i - 1], qa[i - 1])) {
                    trades.add(new long[]{ts, p, sign, i - 1});
                    if (type == 4) {
                        assertThat(Spreads.effectiveBps(p, sign, qb[i - 1], qa[i - 1]))
                                .isCloseTo(Spreads.quotedBps(qb[i - 1], qa[i - 1]), within(1e-9));
                        touchChecked++;
                    }
                }
            }
            qt[i] = ts; qa[i] = price(b[0]); qb[i] = price(b[2]);
            rs.onQuote(ts, qb[i], qa[i]);
        }
        // no advanceTo: at the end of data only horizons ending before the last event are known
        assertThat(touchChecked).isGreaterThan(1000);

        double naiveEff = 0, naiveReal = 0;
        int naiveCount = 0, q = 0;
        for (long[] t : trades) {
            long horizon = t[0] + DELTA;
            while (q + 1 < n && qt[q + 1] <= horizon) q++;     // trades are time-ordered: q only moves forward
            if (qt[n - 1] <= horizon) break;                   // not passed by any event: still pending
            int k = (int) t[3];
            if (!Spreads.isValidQuote(qb[q], qa[q])) continue;
            naiveEff += Spreads.effectiveBps(t[1], (int) t[2], qb[k], qa[k]);
            naiveReal += Spreads.realizedBps(t[1], (int) t[2], qb[k], qa[k], qb[q], qa[q]);
            naiveCount++;
        }
        assertThat(rs.resolvedTrades()).isEqualTo(naiveCount);
        assertThat(rs.pendingCount()).isEqualTo(trades.size() - naiveCount);
        assertThat(rs.meanEffectiveBps()).isCloseTo(naiveEff / naiveCount, within(1e-9));
        assertThat(rs.meanRealizedBps()).isCloseTo(naiveReal / naiveCount, within(1e-9));
        assertThat(sums[1] / naiveCount).isCloseTo(rs.meanRealizedBps(), within(1e-9));
        // independent oracle: python3 script (exact integer prices, bisect for the delayed quote), run 2026-11-24
        assertThat(rs.resolvedTrades()).isEqualTo(10_478);
        assertThat(rs.meanEffectiveBps()).isCloseTo(3.367594492913739, within(1e-9));
        assertThat(rs.meanRealizedBps()).isCloseTo(0.8221026089098771, within(1e-9));
        assertThat(rs.weightedEffectiveBps()).isCloseTo(3.17208853036244, within(1e-9));
        assertThat(rs.weightedRealizedBps()).isCloseTo(0.3830104757428477, within(1e-9));
    }
}
