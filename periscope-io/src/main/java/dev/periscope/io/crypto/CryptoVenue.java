package dev.periscope.io.crypto;

/**
 * The crypto feeds the replays understand. {@link #tag} is the character put in {@code TradeEvent.venue} and
 * {@code BookDeltaEvent.venue} (lower case, so it never collides with a US participant code); {@link #market}
 * is the {@link dev.periscope.model.Instrument#market()} namespace.
 */
public enum CryptoVenue {
    BINANCE('b', "BINANCE"),
    BINANCE_FUTURES('f', "BINANCE_FUTURES"),
    KRAKEN('k', "KRAKEN"),
    COINBASE('c', "COINBASE"),
    COINBASE_ADVANCED('a', "COINBASE_ADV");

    public final char tag;
    public final String market;

    CryptoVenue(char tag, String market) {
        this.tag = tag;
        this.market = market;
    }
}
