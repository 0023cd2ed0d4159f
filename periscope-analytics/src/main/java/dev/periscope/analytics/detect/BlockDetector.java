package dev.periscope.analytics.detect;

import dev.periscope.model.Aggressor;
import dev.periscope.model.AssetClass;
import dev.periscope.model.Px;
import dev.periscope.model.SaleCondition;

/**
 * Flags single prints of block size. Definition for US equities: Reg NMS "block size", 17 CFR 242.600(b): at least
 * 10,000 shares or a market value of at least $200,000 (audit OF-5). Optionally also prints of at least
 * {@code advPercent}% of average daily volume. One alert per qualifying print, emitted immediately.
 *
 * <p>Off-exchange prints (participant {@code D}, FINRA ADF/TRF, audit DP-1) are reported with kind
 * {@code "off-exchange-block"}, lit ones with {@code "block"}. Prints carrying any condition in
 * {@link Params#excludedConditions} (default: average price W, derivatively priced 4, prior reference P, auction
 * and official prints, late/out-of-sequence reports, ...; see {@code docs/detectors.md}) are never blocks: their
 * price or report time does not describe a new trade at the current market.
 *
 * <p>ADV: supplied with {@link #setAverageDailyVolume} or estimated as the mean consolidated volume (prints whose
 * conditions update volume) of up to {@code advLookbackSessions} completed prior sessions, once at least
 * {@code advMinSessions} are complete. Allocation-free per print except when an alert is raised.
 */
public final class BlockDetector implements TradeDetector {

    /** Criterion bits, see {@link #criteria}. */
    public static final int BY_SIZE = 1, BY_NOTIONAL = 2, BY_ADV = 4;

    /**
     * Parameters.
     *
     * @param minSize             size threshold (fixed point); 0 disables. Equity default 10,000 shares (Reg NMS)
     * @param minNotional         notional threshold in quote currency (fixed point); 0 disables. Equity default
     *                            $200,000 (Reg NMS); crypto default $100,000 (the spec's number, arbitrary: OF-5)
     * @param advPercent          size as % of ADV that makes a block; 0 disables. Default 1.0 (arbitrary, X-6:
     *                            calibrate, e.g. on a percentile of the instrument's print sizes)
     * @param advLookbackSessions sessions averaged for the ADV estimate; default 20 (the usual 20-day ADV)
     * @param advMinSessions      completed sessions needed before the estimate is used; default 5 (arbitrary)
     * @param excludedConditions  sale-condition mask of non-regular prints; default the non-signable set
     */
    public record Params(long minSize, long minNotional, double advPercent, int advLookbackSessions,
                         int advMinSessions, long excludedConditions) {
        public Params {
            if (minSize < 0 || minNotional < 0) throw new IllegalArgumentException("thresholds must be >= 0");
            if (!(advPercent >= 0) || !Double.isFinite(advPercent)) throw new IllegalArgumentException("advPercent >= 0");
            if (advLookbackSessions < 1 || advMinSessions < 1 || advMinSessions > advLookbackSessions)
                throw new IllegalArgumentException("need 1 <= advMinSessions <= advLookbackSessions");
            if (minSize == 0 && minNotional == 0 && advPercent == 0) throw new IllegalArgumentException("no criterion enabled");
        }

        /** Reg NMS block size (17 CFR 242.600(b)): 10,000 shares or $200,000, plus 1% of ADV. */
        public static final Params US_EQUITY = new Params(Px.ofUnits(10_000), Px.ofUnits(200_000), 1.0, 20, 5,
                DetectSupport.NON_REGULAR);

        /** The Reg NMS rule by its name (same as {@link #US_EQUITY}). */
        public static final Params REG_NMS = US_EQUITY;

        /**
         * Equity alert default: 10,000 shares (the size half of Reg NMS) or 1% of ADV; no notional criterion. The
         * $200,000 half makes every 2,000-share print of a $100 stock a block (397 false alarms/h on the simulator,
         * 301 of 312 Reg NMS blocks on the TAQ sample at ~$158 by notional alone); docs/detect-eval.md "Block".
         */
        public static final Params US_EQUITY_SIZE = new Params(Px.ofUnits(10_000), 0, 1.0, 20, 5,
                DetectSupport.NON_REGULAR);

        /** Crypto: notional only, $100,000 (arbitrary, audit OF-5; set per market). */
        public static final Params CRYPTO = new Params(0, Px.ofUnits(100_000), 1.0, 20, 5, DetectSupport.NON_REGULAR);

        /**
         * Defaults per asset class. Futures and options have no universal block size (CME Rule 526 sets minimums per
         * product), so they must be configured explicitly.
         */
        public static Params forAssetClass(AssetClass ac) {
            return switch (ac) {
                case EQUITY -> US_EQUITY_SIZE;
                case CRYPTO_SPOT, CRYPTO_PERP -> CRYPTO;
                case FUTURE, OPTION -> throw new IllegalArgumentException(
                        ac + ": block minimums are set per product (e.g. CME Rule 526); supply Params explicitly");
            };
        }

        public Params withAdvPercent(double pct) {
            return new Params(minSize, minNotional, pct, advLookbackSessions, advMinSessions, excludedConditions);
        }

        public Params withAdvSessions(int lookback, int min) {
            return new Params(minSize, minNotional, advPercent, lookback, min, excludedConditions);
        }

        public String describe() {
            return "minSize=" + Px.format(minSize) + ",minNotional=" + Px.format(minNotional) + ",advPercent="
                    + advPercent + ",advLookback=" + advLookbackSessions + ",advMinSessions=" + advMinSessions
                    + ",excluded=" + SaleCondition.codes(excludedConditions);
        }
    }

    private final Params p;
    private final String paramsText;
    private final long[] sessionVolumes;
    private int completed;          // completed sessions in the ring (<= lookback)
    /** Mean volume of the completed sessions once there are advMinSessions of them, else 0; set at session close. */
    private long estimatedAdv;
    private int ringPos;
    private long session = Long.MIN_VALUE;
    private boolean inSession;
    private long sessionVolume;
    private long suppliedAdv;       // 0 = not supplied

    public BlockDetector(Params p) {
        this.p = p;
        this.paramsText = p.describe();
        this.sessionVolumes = new long[p.advLookbackSessions()];
    }

    public BlockDetector() { this(Params.US_EQUITY); }

    @Override public String name() { return "block"; }

    @Override public String params() { return paramsText; }

    public Params parameters() { return p; }

    /** Uses {@code adv} (fixed-point size per session) instead of the estimate; 0 returns to the estimate. */
    public void setAverageDailyVolume(long adv) {
        if (adv < 0) throw new IllegalArgumentException("adv < 0");
        suppliedAdv = adv;
    }

    /** The ADV in use (fixed point), or 0 if none is available yet. */
    public long averageDailyVolume() {
        if (suppliedAdv > 0) return suppliedAdv;
        return estimatedAdv;
    }

    /** Which criteria ({@link #BY_SIZE} | {@link #BY_NOTIONAL} | {@link #BY_ADV}) a print of this size and price meets. */
    public int criteria(long price, long size) {
        int c = 0;
        if (p.minSize() > 0 && size >= p.minSize()) c |= BY_SIZE;
        if (p.minNotional() > 0 && DetectSupport.notionalAtLeast(price, size, p.minNotional())) c |= BY_NOTIONAL;
        if (p.advPercent() > 0) {
            long adv = averageDailyVolume();
            if (adv > 0 && (double) size * 100.0 >= p.advPercent() * (double) adv) c |= BY_ADV;
        }
        return c;
    }

    /** Whether the print's conditions allow it to be a block. */
    public boolean eligible(long conditions) {
        return (conditions & p.excludedConditions()) == 0;
    }

    @Override
    public void onTrade(PrintContext print, AlertSink sink) {
        if (!inSession || print.session() != session) {
            if (inSession) closeSession();
            session = print.session();
            inSession = true;
        }
        if (SaleCondition.updatesVolume(print.conditions())) sessionVolume += print.size();
        if (!eligible(print.conditions())) return;
        int c = criteria(print.price(), print.size());
        if (c != 0) sink.accept(alert(print.ts(), print.price(), print.size(), print.venue(), print.conditions(), print.aggressor(), c));
    }

    private void closeSession() {
        sessionVolumes[ringPos] = sessionVolume;
        ringPos = (ringPos + 1) % sessionVolumes.length;
        if (completed < sessionVolumes.length) completed++;
        sessionVolume = 0;
        long sum = 0;
        for (int i = 0; i < completed; i++) sum += sessionVolumes[i];
        estimatedAdv = completed < p.advMinSessions() ? 0 : sum / completed;
    }

    /** Blocks are single prints: nothing is ever pending. */
    @Override public void flush(AlertSink sink) {}

    private Alert alert(long ts, long price, long size, char venue, long conditions, byte aggressor, int c) {
        boolean off = venue == DetectSupport.OFF_EXCHANGE;
        double notional = DetectSupport.notional(price, size);
        double pct = (c & BY_ADV) != 0 ? 100.0 * size / averageDailyVolume() : Double.NaN;
        char key = DetectSupport.venueKey(venue);
        return new Alert(name(), paramsText, off ? "off-exchange-block" : "block", ts, ts, aggressor,
                SideRole.AGGRESSOR, price, price, price, size, notional, DetectSupport.venueLo(key),
                DetectSupport.venueHi(key), 1, 1, new Text(p.minSize(), p.minNotional(), c, pct, venue, conditions));
    }

    /** The block's description, written when read. */
    private record Text(long minSize, long minNotional, int criteria, double advPercent, char venue, long conditions)
            implements AlertText {
        @Override
        public String describe(Alert a) {
            StringBuilder why = new StringBuilder();
            if ((criteria & BY_SIZE) != 0) why.append("size>=").append(Px.format(minSize));
            if ((criteria & BY_NOTIONAL) != 0) why.append(why.isEmpty() ? "" : ", ").append("notional>=").append(Px.format(minNotional));
            if ((criteria & BY_ADV) != 0)
                why.append(why.isEmpty() ? "" : ", ").append(String.format(java.util.Locale.ROOT, "%.2f%% of ADV", advPercent));
            boolean off = venue == DetectSupport.OFF_EXCHANGE;
            return (off ? "Off-exchange block " : "Block ") + DetectSupport.qty(a.totalSize()) + " @ "
                    + Px.format(a.level()) + " on " + venue + " = " + DetectSupport.money(a.notional()) + " (" + why
                    + "), side " + Aggressor.label(a.side()) + ", cond " + SaleCondition.codes(conditions);
        }
    }
}
