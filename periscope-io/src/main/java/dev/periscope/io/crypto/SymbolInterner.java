package dev.periscope.io.crypto;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a symbol's characters or ASCII bytes (a JSON string's range) into one canonical String without allocating
 * after the first sight: a linear scan over the few symbols a feed carries. Decoders use it so that the book
 * synchroniser receives the same String instance for every message of a symbol.
 */
public final class SymbolInterner {
    private final List<String> names = new ArrayList<>();
    private final List<byte[]> bytes = new ArrayList<>(); // ASCII bytes of each name (null if not ASCII)

    /** The canonical String for {@code c[off, off+len)}. */
    public String get(char[] c, int off, int len) {
        for (int i = 0, n = names.size(); i < n; i++) {
            String k = names.get(i);
            if (k.length() != len) continue;
            int j = 0;
            while (j < len && k.charAt(j) == c[off + j]) j++;
            if (j == len) return k;
        }
        return add(new String(c, off, len));
    }

    /** The canonical String for the ASCII bytes {@code b[off, off+len)} (the caller has checked they are ASCII). */
    public String get(byte[] b, int off, int len) {
        for (int i = 0, n = names.size(); i < n; i++) {
            byte[] k = bytes.get(i);
            if (k != null && k.length == len && Arrays.equals(k, 0, len, b, off, off + len)) return names.get(i);
        }
        return add(new String(b, off, len, StandardCharsets.US_ASCII));
    }

    private String add(String s) {
        for (String k : names) if (k.equals(s)) return k;
        names.add(s);
        boolean ascii = s.chars().allMatch(ch -> ch < 0x80);
        bytes.add(ascii ? s.getBytes(StandardCharsets.US_ASCII) : null); // never equals bytes
        return s;
    }
}
