package dev.periscope.io.csv;

import dev.periscope.model.Instrument;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Interns instruments by symbol bytes: the same symbol always yields the same {@link Instrument} object, and a
 * symbol already seen costs no allocation (open-addressing hash over the raw bytes; the last hit is checked
 * first). A new symbol allocates once, through the factory. Not thread-safe.
 */
public final class InstrumentTable {
    private final Function<String, Instrument> factory;
    private byte[][] keys = new byte[64][];
    private Instrument[] values = new Instrument[64];
    private int size;
    private byte[] lastKey;
    private Instrument lastValue;

    /** @param factory creates the instrument for a new symbol, e.g. {@code Instrument::usEquity} */
    public InstrumentTable(Function<String, Instrument> factory) {
        this.factory = factory;
    }

    /** The instrument for the symbol in {@code b[from, to)} (which must not be empty). */
    public Instrument get(byte[] b, int from, int to) {
        if (lastKey != null && equal(lastKey, b, from, to)) return lastValue;
        int h = hash(b, from, to);
        int mask = keys.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            byte[] k = keys[i];
            if (k == null) {
                Instrument ins = factory.apply(new String(b, from, to - from, StandardCharsets.UTF_8));
                k = Arrays.copyOfRange(b, from, to);
                keys[i] = k;
                values[i] = ins;
                lastKey = k;
                lastValue = ins;
                if (++size * 2 > keys.length) rehash();
                return ins;
            }
            if (equal(k, b, from, to)) {
                lastKey = k;
                lastValue = values[i];
                return lastValue;
            }
        }
    }

    public int size() { return size; }

    private void rehash() {
        byte[][] ok = keys;
        Instrument[] ov = values;
        keys = new byte[ok.length * 2][];
        values = new Instrument[ok.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < ok.length; j++) {
            if (ok[j] == null) continue;
            int i = hash(ok[j], 0, ok[j].length) & mask;
            while (keys[i] != null) i = (i + 1) & mask;
            keys[i] = ok[j];
            values[i] = ov[j];
        }
    }

    private static int hash(byte[] b, int from, int to) {
        int h = 1;
        for (int i = from; i < to; i++) h = 31 * h + b[i];
        return h ^ (h >>> 16);
    }

    private static boolean equal(byte[] k, byte[] b, int from, int to) {
        return Arrays.equals(k, 0, k.length, b, from, to);
    }
}
