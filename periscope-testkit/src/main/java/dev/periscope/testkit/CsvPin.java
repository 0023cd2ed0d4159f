package dev.periscope.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A pin of a CSV output that says what broke. The pin (a small text file kept with the tests) holds the row count,
 * the header, and for each block of {@link #BLOCK} rows a hash per column plus the block's first row verbatim. A
 * check names the file, the first block that differs, the columns that differ in it and, where the block's first
 * row differs, that row's first differing column with the pinned and the new value — instead of one hash over
 * several files.
 *
 * <p>Run the tests with {@code -Dperiscope.repin=true} to (re)write pins after an intended change; the pin files
 * are then shown by {@code git diff} and the commit must say why they changed.
 */
public final class CsvPin {
    /** Rows per hashed block. */
    public static final int BLOCK = 1000;

    private CsvPin() {}

    /** Checks {@code csv} against the pin {@code pin}, or writes the pin when {@code periscope.repin} is set. */
    public static void check(Path csv, Path pin) {
        check(csv, pin, java.util.Set.of());
    }

    /**
     * As {@link #check(Path, Path)}; the columns in {@code inputColumns} echo the input data (a sample's times,
     * prices, sizes), so the pin keeps only their hashes and writes {@value #WITHHELD} for their values: a pin
     * never holds a copy of the input rows.
     */
    public static void check(Path csv, Path pin, java.util.Set<String> inputColumns) {
        List<String> actual = summary(csv, inputColumns);
        try {
            if (Boolean.getBoolean("periscope.repin")) {
                Files.createDirectories(pin.getParent());
                Files.write(pin, actual, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(pin)) throw new AssertionError("no pin " + pin + " (run with -Dperiscope.repin=true to create it)");
            String diff = firstDifference(csv.getFileName().toString(), Files.readAllLines(pin, StandardCharsets.UTF_8), actual);
            if (diff != null) throw new AssertionError(diff + "\n(pin: " + pin + "; if the change is intended, re-run with -Dperiscope.repin=true and say why in the commit)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Written in a pin for the value of a column that echoes the input. */
    public static final String WITHHELD = "~";

    /** The pin text of {@code csv}: {@code rows N}, {@code header ...}, then per block {@code block K FIRST_ROW_LINE HASHES} lines. */
    public static List<String> summary(Path csv) {
        return summary(csv, java.util.Set.of());
    }

    /** {@link #summary(Path)} with the values of {@code inputColumns} withheld from the first rows. */
    public static List<String> summary(Path csv, java.util.Set<String> inputColumns) {
        List<String> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null) throw new AssertionError(csv + " is empty");
            List<String> names = split(header);
            int columns = names.size();
            boolean[] withheld = new boolean[columns];
            for (int c = 0; c < columns; c++) withheld[c] = inputColumns.contains(names.get(c));
            long[] hashes = new long[columns];
            List<String> blocks = new ArrayList<>();
            String first = null;
            long rows = 0;
            for (String line; (line = r.readLine()) != null; ) {
                if (rows % BLOCK == 0) {
                    if (first != null) blocks.add(blockLine(blocks.size(), first, hashes));
                    first = withhold(line, withheld);
                    java.util.Arrays.fill(hashes, 0xcbf29ce484222325L);
                }
                List<String> f = split(line);
                for (int c = 0; c < columns; c++) hashes[c] = fnv(hashes[c], c < f.size() ? f.get(c) : "\u0000missing");
                rows++;
            }
            if (first != null) blocks.add(blockLine(blocks.size(), first, hashes));
            out.add("rows " + rows);
            out.add("header " + header);
            out.addAll(blocks);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The first difference between a pinned and an actual summary, in words; {@code null} if they are equal. */
    static String firstDifference(String name, List<String> pinned, List<String> actual) {
        if (pinned.equals(actual)) return null;
        String pinnedHeader = pinned.get(1).substring(7), header = actual.get(1).substring(7);
        if (!pinnedHeader.equals(header)) return name + ": header changed\n  pinned: " + pinnedHeader + "\n  now:    " + header;
        List<String> cols = split(header);
        StringBuilder sb = new StringBuilder(name).append(": ");
        if (!pinned.get(0).equals(actual.get(0))) sb.append(pinned.get(0)).append(" pinned, ").append(actual.get(0)).append(" now; ");
        for (int k = 2; k < Math.min(pinned.size(), actual.size()); k++) {
            if (pinned.get(k).equals(actual.get(k))) continue;
            String[] p = pinned.get(k).split("\t", -1), a = actual.get(k).split("\t", -1);
            long from = (long) (k - 2) * BLOCK + 1;
            sb.append("first difference in rows ").append(from).append('-').append(from + BLOCK - 1).append(", columns ");
            List<String> differing = new ArrayList<>();
            for (int c = 0; c < cols.size(); c++) if (!p[2 + c].equals(a[2 + c])) differing.add(cols.get(c));
            sb.append(differing);
            List<String> pr = split(p[1]), ar = split(a[1]);
            for (int c = 0; c < Math.max(pr.size(), ar.size()); c++) {
                String pv = c < pr.size() ? pr.get(c) : "(none)", av = c < ar.size() ? ar.get(c) : "(none)";
                if (!pv.equals(av)) {
                    sb.append("; row ").append(from).append(", column ").append(c < cols.size() ? cols.get(c) : "#" + c)
                            .append(": pinned ").append(pv).append(", now ").append(av);
                    break;
                }
            }
            return sb.toString();
        }
        return sb.append("the blocks differ in number: ").append(pinned.size() - 2).append(" pinned, ").append(actual.size() - 2).append(" now").toString();
    }

    /** The row with the withheld columns' values replaced by {@link #WITHHELD} (quoted fields re-quoted). */
    private static String withhold(String line, boolean[] withheld) {
        boolean any = false;
        for (boolean w : withheld) any |= w;
        if (!any) return line;
        List<String> f = split(line);
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < f.size(); c++) {
            if (c > 0) sb.append(',');
            String v = c < withheld.length && withheld[c] ? WITHHELD : f.get(c);
            sb.append(v.indexOf(',') >= 0 || v.indexOf('"') >= 0 ? '"' + v.replace("\"", "\"\"") + '"' : v);
        }
        return sb.toString();
    }

    private static String blockLine(int k, String first, long[] hashes) {
        StringBuilder sb = new StringBuilder("block ").append(k).append('\t').append(first);
        for (long h : hashes) sb.append('\t').append(String.format("%08x", (int) (h ^ (h >>> 32))));
        return sb.toString();
    }

    private static long fnv(long h, String s) {
        for (int i = 0; i < s.length(); i++) { h ^= s.charAt(i); h *= 0x100000001b3L; }
        return (h ^ 0x1f) * 0x100000001b3L;  // field separator
    }

    /** RFC 4180 fields of one line (quoted fields may hold commas and doubled quotes). */
    static List<String> split(String line) {
        List<String> f = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') { cur.append('"'); i++; }
                else if (ch == '"') quoted = false;
                else cur.append(ch);
            } else if (ch == '"') quoted = true;
            else if (ch == ',') { f.add(cur.toString()); cur.setLength(0); }
            else cur.append(ch);
        }
        f.add(cur.toString());
        return f;
    }
}
