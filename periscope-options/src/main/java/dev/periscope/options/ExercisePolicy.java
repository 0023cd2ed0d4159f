package dev.periscope.options;

import java.util.Locale;
import java.util.Map;

/**
 * Which exercise style a US-listed option has, from its OCC option root (the symbol part of the OSI code, e.g.
 * "SPXW" in {@code SPXW  261218C06000000}). Immutable, thread-safe.
 *
 * <p>Policy: the cash-settled index options listed below are European; every other root — single stocks, ETFs
 * (SPY, QQQ, IWM, DIA, …), and the one American index product OEX — is American and physically settled (OCC and
 * exchange product specifications: Cboe SPX/SPXW/XSP/VIX/RUT/MRUT/DJX/XEO/OEX, Nasdaq NDX/NDXP/XND). Price
 * European roots with {@link Black76} on the index forward (or {@link BlackScholes}), American ones with
 * {@link AmericanPricer}. An unknown index root is reported American, so a new European index product must be
 * added here: the table is the documented list, not a guess from the name.
 *
 * <table>
 *   <caption>European (cash-settled) roots</caption>
 *   <tr><th>root</th><th>underlying</th></tr>
 *   <tr><td>SPX, SPXW</td><td>S&amp;P 500 (AM-settled monthly, PM-settled weeklies/dailies)</td></tr>
 *   <tr><td>XSP</td><td>Mini-S&amp;P 500 (1/10)</td></tr>
 *   <tr><td>NDX, NDXP, XND</td><td>Nasdaq-100 (AM, PM, 1/100 micro)</td></tr>
 *   <tr><td>RUT, RUTW, MRUT</td><td>Russell 2000 (and 1/10 mini)</td></tr>
 *   <tr><td>DJX</td><td>Dow Jones Industrial Average (1/100)</td></tr>
 *   <tr><td>VIX, VIXW</td><td>Cboe Volatility Index (priced off the VIX future, Black-76)</td></tr>
 *   <tr><td>XEO</td><td>S&amp;P 100, European (OEX is the American S&amp;P 100 contract)</td></tr>
 * </table>
 */
public final class ExercisePolicy {
    private ExercisePolicy() {}

    private static final Map<String, ExerciseStyle> EXPLICIT = Map.ofEntries(
            Map.entry("SPX", ExerciseStyle.EUROPEAN), Map.entry("SPXW", ExerciseStyle.EUROPEAN),
            Map.entry("XSP", ExerciseStyle.EUROPEAN),
            Map.entry("NDX", ExerciseStyle.EUROPEAN), Map.entry("NDXP", ExerciseStyle.EUROPEAN),
            Map.entry("XND", ExerciseStyle.EUROPEAN),
            Map.entry("RUT", ExerciseStyle.EUROPEAN), Map.entry("RUTW", ExerciseStyle.EUROPEAN),
            Map.entry("MRUT", ExerciseStyle.EUROPEAN),
            Map.entry("DJX", ExerciseStyle.EUROPEAN),
            Map.entry("VIX", ExerciseStyle.EUROPEAN), Map.entry("VIXW", ExerciseStyle.EUROPEAN),
            Map.entry("XEO", ExerciseStyle.EUROPEAN),
            Map.entry("OEX", ExerciseStyle.AMERICAN));

    /** The exercise style of an option root (case-insensitive, surrounding blanks ignored as in OSI padding). */
    public static ExerciseStyle forRoot(String optionRoot) {
        if (optionRoot == null || optionRoot.isBlank()) throw new IllegalArgumentException("blank option root");
        String root = optionRoot.strip().toUpperCase(Locale.ROOT);
        return EXPLICIT.getOrDefault(root, ExerciseStyle.AMERICAN);
    }
}
