package dev.periscope.analytics.signing;

import dev.periscope.model.Aggressor;
import dev.periscope.model.Px;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Accuracy of every {@link SigningMethod} against a known true aggressor (e.g. LOBSTER executions, crypto tapes).
 * Per method it counts trades classified correctly, incorrectly and left {@link Aggressor#UNKNOWN}, with the same
 * split of volume. Trades whose true side is unknown are not scored (counted in {@link #untruthed()}).
 *
 * <p>Accuracy over classified = correct / (correct + incorrect); accuracy over all = correct / scored trades
 * (an unclassified trade counts as wrong); the volume-weighted versions use trade sizes instead of counts.
 * Accessors return empty when the denominator is zero, never NaN.
 *
 * <p>{@link SigningMethod#REVERSE_TICK} is scored when the run of equal prices a trade belongs to ends (the signer
 * sees a different price, see {@link TradeSigner#runPrice}); trades of the final run, and of a run older than the
 * signer's run ring when it ends, count as unclassified. The pending run is settled lazily by every accessor and by
 * {@link #table}, using the signer seen last; call them only after the last trade.
 *
 * <p>Feed it either {@link #onTrade} (it owns a {@link TradeSigner} with explicit prevailing quotes) or
 * {@link #record(TradeSigner, byte, long)} after classifying with a shared signer (so that several evaluations,
 * e.g. visible / hidden / all executions, see one tick history). Mutable, single-threaded, allocation-free per
 * trade.
 */
public final class SigningEvaluation {
    private static final SigningMethod[] METHODS = SigningMethod.all();
    private static final int N = METHODS.length;

    private final TradeSigner ownSigner = new TradeSigner(2, TradeSigner.NO_LAG);
    private final long[] correct = new long[N], incorrect = new long[N], unclassified = new long[N];
    private final long[] volCorrect = new long[N], volIncorrect = new long[N], volUnclassified = new long[N];
    private long scored, scoredVolume, untruthed;
    private static final int REV = SigningMethod.REVERSE_TICK.ordinal();
    private TradeSigner lastSigner;
    private long pendingRun = -1, pendingPrice;
    private long pendBuy, pendSell, pendBuyVol, pendSellVol;

    /**
     * Classifies and scores one trade: time (epoch ns, informational), price and size (fixed point), true side
     * ({@link Aggressor}), prevailing bid and ask ({@link Px#NONE} if absent). Trades must arrive in tape order.
     */
    public void onTrade(long tsNanos, long price, long size, byte trueSide, long bid, long ask) {
        ownSigner.classify(price, bid, ask);
        record(ownSigner, trueSide, size);
    }

    /** Scores the trade {@code signer} has just classified. */
    public void record(TradeSigner signer, byte trueSide, long size) {
        lastSigner = signer;
        if (trueSide == Aggressor.UNKNOWN) {
            untruthed++;
            return;
        }
        scored++;
        scoredVolume = Math.addExact(scoredVolume, size);
        for (int i = 0; i < N; i++) {
            if (i == REV) continue;
            count(i, signer.side(METHODS[i]), trueSide, size, 1);
        }
        long run = signer.runId();
        if (pendingRun >= 0 && pendingRun != run) settle(signer);
        pendingRun = run;
        pendingPrice = signer.runPrice(run);
        if (trueSide == Aggressor.BUY) {
            pendBuy++;
            pendBuyVol = Math.addExact(pendBuyVol, size);
        } else {
            pendSell++;
            pendSellVol = Math.addExact(pendSellVol, size);
        }
    }

    private void count(int i, byte predicted, byte truth, long volume, long trades) {
        if (trades == 0) return;
        if (predicted == Aggressor.UNKNOWN) {
            unclassified[i] += trades;
            volUnclassified[i] = Math.addExact(volUnclassified[i], volume);
        } else if (predicted == truth) {
            correct[i] += trades;
            volCorrect[i] = Math.addExact(volCorrect[i], volume);
        } else {
            incorrect[i] += trades;
            volIncorrect[i] = Math.addExact(volIncorrect[i], volume);
        }
    }

    /** Scores the pending reverse-tick run against the price of the run after it (if the signer has one). */
    private void settle(TradeSigner signer) {
        if (pendingRun < 0) return;
        long next = signer.runPrice(pendingRun + 1);
        byte sign = next == Px.NONE ? Aggressor.UNKNOWN : next < pendingPrice ? Aggressor.BUY : Aggressor.SELL;
        count(REV, sign, Aggressor.BUY, pendBuyVol, pendBuy);
        count(REV, sign, Aggressor.SELL, pendSellVol, pendSell);
        pendingRun = -1;
        pendBuy = pendSell = pendBuyVol = pendSellVol = 0;
    }

    /** Settles the reverse-tick run still pending: resolved if the signer has moved on, else unclassified. */
    private void settlePending() {
        if (pendingRun >= 0 && lastSigner != null) settle(lastSigner);
    }

    /** Trades with a known true side. */
    public long scored() { return scored; }

    /** Trades skipped because their true side was unknown. */
    public long untruthed() { return untruthed; }

    public long correct(SigningMethod m) { settlePending(); return correct[m.ordinal()]; }

    public long incorrect(SigningMethod m) { settlePending(); return incorrect[m.ordinal()]; }

    public long unclassified(SigningMethod m) { settlePending(); return unclassified[m.ordinal()]; }

    /** correct / (correct + incorrect). */
    public OptionalDouble accuracyClassified(SigningMethod m) {
        settlePending();
        int i = m.ordinal();
        return ratio(correct[i], correct[i] + incorrect[i]);
    }

    /** correct / scored trades. */
    public OptionalDouble accuracyAll(SigningMethod m) {
        settlePending();
        return ratio(correct[m.ordinal()], scored);
    }

    /** correctly classified volume / classified volume. */
    public OptionalDouble volumeAccuracyClassified(SigningMethod m) {
        settlePending();
        int i = m.ordinal();
        return ratio(volCorrect[i], volCorrect[i] + volIncorrect[i]);
    }

    /** correctly classified volume / scored volume. */
    public OptionalDouble volumeAccuracyAll(SigningMethod m) {
        settlePending();
        return ratio(volCorrect[m.ordinal()], scoredVolume);
    }

    private static OptionalDouble ratio(long num, long den) {
        return den == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) num / den);
    }

    /**
     * Deterministic fixed-width table, one row per method in {@link SigningMethod} order, accuracies with four
     * decimals ({@code n/a} for an empty denominator). Allocates; call once at the end.
     */
    public String table(String title) {
        settlePending();
        StringBuilder sb = new StringBuilder(1024);
        sb.append(title).append(" (").append(scored).append(" trades, volume ")
                .append(Px.format(scoredVolume)).append(")\n");
        sb.append(String.format(Locale.ROOT, "%-10s %9s %9s %9s %9s %9s %9s %9s%n", "method", "correct",
                "wrong", "unclass", "acc|cls", "acc|all", "vacc|cls", "vacc|all"));
        for (SigningMethod m : METHODS) {
            int i = m.ordinal();
            sb.append(String.format(Locale.ROOT, "%-10s %9d %9d %9d %9s %9s %9s %9s%n", m.label(), correct[i],
                    incorrect[i], unclassified[i], fmt(accuracyClassified(m)), fmt(accuracyAll(m)),
                    fmt(volumeAccuracyClassified(m)), fmt(volumeAccuracyAll(m))));
        }
        return sb.toString();
    }

    private static String fmt(OptionalDouble v) {
        return v.isPresent() ? String.format(Locale.ROOT, "%.4f", v.getAsDouble()) : "n/a";
    }
}
