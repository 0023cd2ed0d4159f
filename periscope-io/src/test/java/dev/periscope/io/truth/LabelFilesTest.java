package dev.periscope.io.truth;

import dev.periscope.model.Px;
import dev.periscope.model.quality.DataException;
import dev.periscope.model.quality.DataIssue;
import dev.periscope.model.quality.DataIssueLog;
import dev.periscope.model.quality.IssuePolicy;
import dev.periscope.model.truth.GroundTruthLabel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

class LabelFilesTest {
    @TempDir
    Path dir;

    static final GroundTruthLabel ICEBERG = new GroundTruthLabel("iceberg", "XXX", "N", (byte) 1,
            1_700_000_000_000_000_000L, 1_700_000_060_000_000_000L, Px.ofUnits(12_000), Px.parse("10.01"),
            Px.parse("10.01"), new long[]{42, 43, 44}, new long[]{1001, 1005}, "hidden bid, \"10\" refills, 100 shown");
    static final GroundTruthLabel BLOCK = GroundTruthLabel.of("off-exchange-block", "BINANCE:NKNUSDT", (byte) 0, 5, 5)
            .withVenue("D");

    @Test
    void csvFileIsExactlyAsDocumented() throws Exception {
        Path f = dir.resolve("labels.csv");
        LabelWriter.write(f, List.of(ICEBERG, BLOCK));
        assertThat(Files.readString(f)).isEqualTo("""
                kind,instrument,venue,side,ts_start_ns,ts_end_ns,size,price_low,price_high,order_ids,trade_ids,note
                iceberg,XXX,N,1,1700000000000000000,1700000060000000000,12000,10.01,10.01,42;43;44,1001;1005,"hidden bid, ""10"" refills, 100 shown"
                off-exchange-block,BINANCE:NKNUSDT,D,0,5,5,0,,,,,
                """);
        DataIssueLog log = new DataIssueLog();
        assertThat(LabelReader.read(f, log)).containsExactly(ICEBERG, BLOCK);
        assertThat(log.total()).isZero();
    }

    @Test
    void jsonLinesFileIsExactlyAsDocumented() throws Exception {
        Path f = dir.resolve("labels.jsonl");
        LabelWriter.write(f, List.of(ICEBERG, BLOCK));
        assertThat(Files.readString(f)).isEqualTo("""
                {"kind":"iceberg","instrument":"XXX","venue":"N","side":1,"ts_start_ns":1700000000000000000,"ts_end_ns":1700000060000000000,"size":12000,"price_low":10.01,"price_high":10.01,"order_ids":[42,43,44],"trade_ids":[1001,1005],"note":"hidden bid, \\"10\\" refills, 100 shown"}
                {"kind":"off-exchange-block","instrument":"BINANCE:NKNUSDT","venue":"D","side":0,"ts_start_ns":5,"ts_end_ns":5,"size":0,"price_low":null,"price_high":null,"order_ids":[],"trade_ids":[],"note":""}
                """);
        DataIssueLog log = new DataIssueLog();
        assertThat(LabelReader.read(f, log)).containsExactly(ICEBERG, BLOCK);
        assertThat(log.total()).isZero();
    }

    @Test
    void gzippedFilesRoundTrip() {
        for (String name : new String[]{"l.csv.gz", "l.ndjson.gz"}) {
            Path f = dir.resolve(name);
            LabelWriter.write(f, List.of(ICEBERG, BLOCK));
            assertThat(LabelReader.read(f, new DataIssueLog())).containsExactly(ICEBERG, BLOCK);
        }
    }

    @Test
    void randomLabelsRoundTripThroughBothFormats() {
        qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
            List<GroundTruthLabel> labels = randomLabels(new SplittableRandom(seed));
            for (LabelFormat fmt : LabelFormat.values()) {
                StringBuilder sb = new StringBuilder();
                try {
                    java.io.StringWriter w = new java.io.StringWriter();
                    LabelWriter.write(w, fmt, labels);
                    sb.append(w);
                } catch (java.io.IOException e) {
                    throw new AssertionError(e);
                }
                DataIssueLog log = new DataIssueLog(IssuePolicy.STRICT, 10, null);
                assertThat(LabelReader.read(new BufferedReader(new StringReader(sb.toString())), "mem", fmt, log))
                        .isEqualTo(labels);
            }
        });
    }

    private static List<GroundTruthLabel> randomLabels(SplittableRandom r) {
        String[] kinds = {"iceberg", "sweep", "block", "off-exchange-block", "spoof", "absorption", "meta-order"};
        String[] notes = {"", "plain", "a, b", "\"quoted\"", " padded ", "ünïcödé ; 1,2", "back\\slash"};
        List<GroundTruthLabel> out = new ArrayList<>();
        int n = r.nextInt(5);
        for (int i = 0; i < n; i++) {
            long t0 = r.nextLong(0, Long.MAX_VALUE / 2);
            long lo = r.nextBoolean() ? Px.NONE : r.nextLong(-Px.ofUnits(1_000_000), Px.ofUnits(1_000_000));
            long hi = lo == Px.NONE ? Px.NONE : lo + r.nextLong(0, Px.ofUnits(10));
            long[] oids = r.longs(r.nextInt(4), 0, Long.MAX_VALUE).toArray();
            long[] tids = r.longs(r.nextInt(4), 0, 1_000_000).toArray();
            out.add(new GroundTruthLabel(kinds[r.nextInt(kinds.length)], r.nextBoolean() ? "XXX" : "KRAKEN:XBT/CHF",
                    r.nextBoolean() ? "" : "KNPZ", (byte) (r.nextInt(3) - 1), t0, t0 + r.nextLong(0, 1_000_000_000_000L),
                    r.nextLong(0, Px.ofUnits(10_000_000)), lo, hi, oids, tids, notes[r.nextInt(notes.length)]));
        }
        return out;
    }

    private static List<DataIssue> readCsvBody(String body, List<GroundTruthLabel> out) {
        DataIssueLog log = new DataIssueLog();
        out.addAll(LabelReader.read(new BufferedReader(new StringReader(LabelFormat.HEADER + "\n" + body)), "t.csv",
                LabelFormat.CSV, log));
        return log.firstIssues();
    }

    @Test
    void badCsvRowsAreReportedWithLineFieldAndReasonAndSkipped() {
        List<GroundTruthLabel> got = new ArrayList<>();
        List<DataIssue> issues = readCsvBody("""
                # a comment line, then a blank line

                sweep,XXX,KN,buy,10,20,300,10.00,10.05,,,ok
                Sweep,XXX,KN,1,10,20,300,,,,,
                sweep,XXX,KN,2,10,20,300,,,,,
                sweep,XXX,KN,1,10x,20,300,,,,,
                sweep,XXX,KN,1,30,20,300,,,,,
                sweep,XXX,KN,1,10,20,-5,,,,,
                sweep,XXX,KN,1,10,20,300,10.05,,,,
                sweep,XXX,KN,1,10,20,300,10.06,10.05,,,
                sweep,XXX,KN,1,10,20,300,1e3,1e3,,,
                sweep,XXX,KN,1,10,20,300,,,1;x,,
                sweep,XXX,KN,1,10,20,300,,,,-4,
                sweep,XXX,KN,1,10,20
                sweep,XXX,KN,1,10,20,300,,,,,"open quote
                sweep,XXX,K-N,1,10,20,300,,,,,
                sweep,XXX,KN,sell,10,20,300,,,,,"done"
                """, got);
        assertThat(got).hasSize(2);
        assertThat(got.get(0).side()).isEqualTo((byte) 1);
        assertThat(got.get(0).priceHigh()).isEqualTo(Px.parse("10.05"));
        assertThat(got.get(0).note()).isEqualTo("ok");
        assertThat(got.get(1).side()).isEqualTo((byte) -1);
        assertThat(got.get(1).note()).isEqualTo("done");
        assertThat(issues).extracting(DataIssue::line, DataIssue::field, DataIssue::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(5L, "kind", "bad-value"),
                org.assertj.core.groups.Tuple.tuple(6L, "side", "bad-value"),
                org.assertj.core.groups.Tuple.tuple(7L, "ts_start_ns", "bad-number"),
                org.assertj.core.groups.Tuple.tuple(8L, "ts_end_ns", "bad-value"),
                org.assertj.core.groups.Tuple.tuple(9L, "size", "bad-value"),
                org.assertj.core.groups.Tuple.tuple(10L, "price_high", "bad-value"),
                org.assertj.core.groups.Tuple.tuple(11L, "price_high", "bad-value"),
                org.assertj.core.groups.Tuple.tuple(12L, "price_low", "bad-number"),
                org.assertj.core.groups.Tuple.tuple(13L, "order_ids", "bad-number"),
                org.assertj.core.groups.Tuple.tuple(14L, "trade_ids", "bad-value"),
                org.assertj.core.groups.Tuple.tuple(15L, "", "bad-row"),
                org.assertj.core.groups.Tuple.tuple(16L, "note", "bad-row"),
                org.assertj.core.groups.Tuple.tuple(17L, "venue", "bad-value"));
        assertThat(issues).allMatch(i -> i.source().equals("t.csv"));
        assertThat(issues.get(2).reason()).contains("'10x'");
        assertThat(issues.get(3).reason()).isEqualTo("end before start: 20 < 30");
        assertThat(issues.get(10).reason()).isEqualTo("expected 12 fields, found 6");
    }

    @Test
    void wrongCsvHeaderIsReportedOnceAndNothingIsRead() {
        DataIssueLog log = new DataIssueLog();
        List<GroundTruthLabel> got = LabelReader.read(new BufferedReader(new StringReader(
                "kind,instrument,side\nsweep,XXX,1\n")), "h.csv", LabelFormat.CSV, log);
        assertThat(got).isEmpty();
        assertThat(log.total()).isEqualTo(1);
        assertThat(log.firstIssues().get(0)).extracting(DataIssue::line, DataIssue::kind).containsExactly(1L, "bad-header");
    }

    @Test
    void badJsonRowsAreReportedWithLineFieldAndReason() {
        DataIssueLog log = new DataIssueLog();
        String text = """
                {"kind":"block","instrument":"XXX","ts_start_ns":1,"ts_end_ns":2,"size":"500.5","price_low":"10","price_high":10.5}
                {"kind":"block","instrument":"XXX","ts_start_ns":1}
                {"kind":"block","instrument":"XXX","ts_start_ns":1.5,"ts_end_ns":2}
                {"kind":"block","kind":"sweep","instrument":"XXX","ts_start_ns":1,"ts_end_ns":2}
                {"kind":"block","instrument":"XXX","ts_start_ns":1,"ts_end_ns":2,"order_ids":[1,"2"]}
                {"kind":"block","instrument":"XXX","ts_start_ns":1,"ts_end_ns":2,
                [1,2]
                {"kind":"block","instrument":"XXX","ts_start_ns":1,"ts_end_ns":2,"side":"sell","extra":{"a":[1]}}
                {"kind":"block","instrument":"XXX","ts_start_ns":1,"ts_end_ns":2} trailing
                {"kind":"block","instrument":"XXX","ts_start_ns":99999999999999999999,"ts_end_ns":2}
                """;
        List<GroundTruthLabel> got = LabelReader.read(new BufferedReader(new StringReader(text)), "t.jsonl",
                LabelFormat.JSONL, log);
        assertThat(got).hasSize(2);
        assertThat(got.get(0).size()).isEqualTo(Px.parse("500.5"));
        assertThat(got.get(0).priceHigh()).isEqualTo(Px.parse("10.5"));
        assertThat(got.get(0).side()).isZero();
        assertThat(got.get(1).side()).isEqualTo((byte) -1);
        assertThat(log.firstIssues()).extracting(DataIssue::line, DataIssue::field, DataIssue::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2L, "ts_end_ns", "missing-field"),
                org.assertj.core.groups.Tuple.tuple(3L, "ts_start_ns", "bad-number"),
                org.assertj.core.groups.Tuple.tuple(4L, "kind", "duplicate-field"),
                org.assertj.core.groups.Tuple.tuple(5L, "order_ids", "bad-number"),
                org.assertj.core.groups.Tuple.tuple(6L, "ts_end_ns", "bad-row"),
                org.assertj.core.groups.Tuple.tuple(7L, "", "bad-row"),
                org.assertj.core.groups.Tuple.tuple(8L, "extra", "unknown-field"),
                org.assertj.core.groups.Tuple.tuple(9L, "", "bad-row"),
                org.assertj.core.groups.Tuple.tuple(10L, "ts_start_ns", "bad-number"));
    }

    @Test
    void strictPolicyThrowsOnTheFirstBadRow() throws Exception {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, LabelFormat.HEADER + "\nsweep,XXX,,1,10,5,,,,,,\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> LabelReader.read(f, new DataIssueLog(IssuePolicy.STRICT, 10, null)))
                .isInstanceOf(DataException.class).hasMessageContaining("bad.csv:2 [ts_end_ns]");
    }

    @Test
    void formatFollowsTheFileName() {
        assertThat(LabelFormat.ofFileName(Path.of("a/LABELS.CSV"))).isEqualTo(LabelFormat.CSV);
        assertThat(LabelFormat.ofFileName(Path.of("x.json.gz"))).isEqualTo(LabelFormat.JSONL);
        assertThatThrownBy(() -> LabelFormat.ofFileName(Path.of("x.txt"))).isInstanceOf(IllegalArgumentException.class);
    }
}
