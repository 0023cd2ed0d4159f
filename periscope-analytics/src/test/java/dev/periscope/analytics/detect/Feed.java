package dev.periscope.analytics.detect;

import dev.periscope.model.Px;
import dev.periscope.model.SaleCondition;

/** Test helper: feeds hand-built prints (decimal strings, ms timestamps) to a detector and collects alerts. */
final class Feed {
    private static final MutablePrintContext PRINT = new MutablePrintContext();
    final TradeDetector d;
    final AlertCollector out = new AlertCollector();
    long session = 1;

    Feed(TradeDetector d) { this.d = d; }

    static long ms(long ms) { return ms * 1_000_000L; }

    /** Adds a print; returns the number of alerts this print caused. */
    int t(long tsNanos, String price, String size, char venue, String conds, int side) {
        int before = out.size();
        d.onTrade(PRINT.set(session, tsNanos, Px.parse(price), Px.parse(size), venue, SaleCondition.maskOf(conds), (byte) side,
                Px.NONE, Px.NONE), out);
        return out.size() - before;
    }

    int flush() {
        int before = out.size();
        d.flush(out);
        return out.size() - before;
    }

    Alert last() { return out.alerts().get(out.size() - 1); }
}
