package dev.periscope.io.crypto;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Symbol lookup by character range (no String per message): a linear scan over the few symbols a recording
 * subscribes to; a String is created once, the first time a symbol is seen. Iteration is in first-seen order.
 */
public final class SymbolTable<S extends SymbolState> {
    private final List<S> states = new ArrayList<>();
    private final List<byte[]> bytes = new ArrayList<>(); // ASCII bytes of each symbol (null if not ASCII)
    private final Function<String, S> factory;

    public SymbolTable(Function<String, S> factory) {
        this.factory = factory;
    }

    /** The state for {@code c[off, off+len)}, created on first sight. */
    public S get(char[] c, int off, int len) {
        for (int i = 0, n = states.size(); i < n; i++) {
            S s = states.get(i);
            String k = s.symbol;
            if (k.length() != len) continue;
            int j = 0;
            while (j < len && k.charAt(j) == c[off + j]) j++;
            if (j == len) return s;
        }
        return get(new String(c, off, len));
    }

    /**
     * The state for the ASCII bytes {@code b[off, off+len)} (the caller has checked they are ASCII), created on first
     * sight (the same String as from the chars).
     */
    public S get(byte[] b, int off, int len) {
        for (int i = 0, n = states.size(); i < n; i++) {
            byte[] k = bytes.get(i);
            if (k != null && k.length == len && java.util.Arrays.equals(k, 0, len, b, off, off + len)) return states.get(i);
        }
        return get(new String(b, off, len, java.nio.charset.StandardCharsets.US_ASCII));
    }

    public S get(String symbol) {
        for (int i = 0, n = states.size(); i < n; i++) if (states.get(i).symbol.equals(symbol)) return states.get(i);
        S s = factory.apply(symbol);
        states.add(s);
        boolean ascii = symbol.chars().allMatch(c -> c < 0x80);
        bytes.add(ascii ? symbol.getBytes(java.nio.charset.StandardCharsets.US_ASCII) : null); // never equals bytes
        return s;
    }

    /** The state for {@code symbol} or null, without creating one. */
    public S find(String symbol) {
        for (S s : states) if (s.symbol.equals(symbol)) return s;
        return null;
    }

    public List<S> all() { return states; }
}
