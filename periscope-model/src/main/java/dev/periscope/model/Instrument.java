package dev.periscope.model;

import java.util.Objects;

/**
 * An instrument: symbol, asset class, the venue family it is keyed on, and its minimum price increment
 * (fixed point, see {@link Px}). Immutable. Identity for maps is {@link #id()} ("XXX", "BINANCE:NKNUSDT").
 *
 * @param symbol   venue-independent symbol ("XXX", "NKNUSDT", "XBT/CHF")
 * @param assetClass asset class
 * @param market   the market namespace: "US" for consolidated US equities, or the crypto venue name ("BINANCE")
 * @param tickSize minimum price increment in {@link Px} units (&gt; 0); 1 = no constraint beyond the fixed-point scale
 */
public record Instrument(String symbol, AssetClass assetClass, String market, long tickSize) {
    public Instrument {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(assetClass, "assetClass");
        Objects.requireNonNull(market, "market");
        if (symbol.isBlank()) throw new IllegalArgumentException("blank symbol");
        if (tickSize <= 0) throw new IllegalArgumentException("tickSize must be > 0: " + tickSize);
    }

    /** A US equity with a $0.01 tick. */
    public static Instrument usEquity(String symbol) {
        return new Instrument(symbol, AssetClass.EQUITY, "US", Px.SCALE / 100);
    }

    /** A crypto spot pair on {@code venue} with the given tick. */
    public static Instrument cryptoSpot(String venue, String symbol, long tickSize) {
        return new Instrument(symbol, AssetClass.CRYPTO_SPOT, venue, tickSize);
    }

    public String id() {
        return "US".equals(market) ? symbol : market + ":" + symbol;
    }
}
