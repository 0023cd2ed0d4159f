package dev.periscope.io.crypto;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The book synchroniser's per-symbol states, created on first sight and iterated in first-seen order. Lookup is a
 * linear scan over the few symbols of a feed; with the decoders' interned names ({@link SymbolInterner}) each
 * comparison is an identity check.
 */
public final class SymbolTable<S extends SymbolState> {
    private final List<S> states = new ArrayList<>();
    private final Function<String, S> factory;

    public SymbolTable(Function<String, S> factory) {
        this.factory = factory;
    }

    /** The state of {@code symbol}, created on first sight. */
    public S get(String symbol) {
        for (int i = 0, n = states.size(); i < n; i++) {
            S s = states.get(i);
            if (s.symbol == symbol || s.symbol.equals(symbol)) return s;
        }
        S s = factory.apply(symbol);
        states.add(s);
        return s;
    }

    /** The state for {@code symbol} or null, without creating one. */
    public S find(String symbol) {
        for (S s : states) if (s.symbol.equals(symbol)) return s;
        return null;
    }

    public List<S> all() { return states; }
}
