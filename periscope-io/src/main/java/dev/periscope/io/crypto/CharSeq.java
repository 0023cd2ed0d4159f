package dev.periscope.io.crypto;

/**
 * A reusable {@link CharSequence} view over a {@code char[]} (e.g. Jackson's {@code getTextCharacters()}), so that
 * {@link dev.periscope.model.Px#parse(CharSequence, int, int)} can read JSON strings without creating a String.
 */
public final class CharSeq implements CharSequence {
    private char[] buf = new char[0];
    private int off;
    private int len;

    public CharSeq wrap(char[] buf, int off, int len) {
        this.buf = buf;
        this.off = off;
        this.len = len;
        return this;
    }

    @Override public int length() { return len; }

    @Override public char charAt(int index) { return buf[off + index]; }

    /** Allocates; for error messages only. */
    @Override public CharSequence subSequence(int start, int end) { return new String(buf, off + start, end - start); }

    /** True when the view equals {@code s}. */
    public boolean contentEquals(String s) {
        if (s.length() != len) return false;
        for (int i = 0; i < len; i++) if (buf[off + i] != s.charAt(i)) return false;
        return true;
    }

    /** Allocates. */
    @Override public String toString() { return new String(buf, off, len); }
}
