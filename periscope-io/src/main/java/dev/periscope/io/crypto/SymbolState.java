package dev.periscope.io.crypto;

import dev.periscope.book.MutableL2Book;
import dev.periscope.model.AssetClass;
import dev.periscope.model.Instrument;

/** Per-symbol state shared by the venue replays: instrument, local book, counters. Venues extend it. */
public class SymbolState {
    public final String symbol;
    public final Instrument instrument;
    public final MutableL2Book book;
    public final SymbolStats stats;

    public SymbolState(CryptoVenue venue, String symbol, AssetClass assetClass, MutableL2Book book) {
        this.symbol = symbol;
        this.instrument = new Instrument(symbol, assetClass, venue.market, 1);
        this.book = book;
        this.stats = new SymbolStats(venue, symbol);
    }
}
