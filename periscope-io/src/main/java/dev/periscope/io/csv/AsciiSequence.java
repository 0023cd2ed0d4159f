package dev.periscope.io.csv;

/**
 * A reusable {@link CharSequence} view over a range of ASCII bytes, so that APIs taking a {@code CharSequence}
 * (e.g. {@link dev.periscope.model.SaleCondition#maskOf(CharSequence, int, int)}) can read a field without
 * creating a String. A flyweight: {@link #set} re-points it; the view is valid until the bytes change.
 * Not thread-safe.
 */
public final class AsciiSequence implements CharSequence {
    private byte[] bytes = new byte[0];
    private int from, to;

    /** Points this view at {@code bytes[from, to)} and returns it. */
    public AsciiSequence set(byte[] bytes, int from, int to) {
        this.bytes = bytes;
        this.from = from;
        this.to = to;
        return this;
    }

    @Override
    public int length() { return to - from; }

    @Override
    public char charAt(int index) { return (char) (bytes[from + index] & 0xFF); }

    /** Allocates (used only for messages and rare paths). */
    @Override
    public CharSequence subSequence(int start, int end) {
        return new String(bytes, from + start, end - start, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** Allocates. */
    @Override
    public String toString() {
        return new String(bytes, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
