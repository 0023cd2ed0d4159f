package dev.periscope.io.lobster;

import dev.periscope.book.L2Book;
import dev.periscope.model.Instrument;
import dev.periscope.model.Px;
import dev.periscope.model.Side;
import dev.periscope.model.event.OrderEvent;
import dev.periscope.model.quality.DataIssueLog;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

class LobsterRoundTripPropertyTest {
    @Test
    void anyValidMessageRowParsesToItsFields() {
        qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            long sec = 34_200 + r.nextInt(23_400);
            int decimals = r.nextInt(10);
            long frac = decimals == 0 ? 0 : r.nextLong((long) Math.pow(10, decimals));
            String fracText = decimals == 0 ? "" : "." + String.format("%0" + decimals + "d", frac);
            int type = 1 + r.nextInt(6);
            long id = r.nextLong(Long.MAX_VALUE);
            long size = 1 + r.nextLong(10_000_000);
            long price = 1 + r.nextLong(100_000_000_000L);
            int dir = r.nextBoolean() ? 1 : -1;
            String row = sec + fracText + "," + type + "," + id + "," + size + "," + price + "," + dir;
            DataIssueLog log = new DataIssueLog();
            try (LobsterReader rd = new LobsterReader(new ByteArrayInputStream(row.getBytes(StandardCharsets.US_ASCII)), "p.csv",
                    LocalDate.of(2012, 6, 21), LobsterReader.NEW_YORK, Instrument.usEquity("P"), log)) {
                OrderEvent e = (OrderEvent) rd.next();
                assertThat(log.total()).isZero();
                long fracNs = frac * (long) Math.pow(10, 9 - decimals);
                assertThat(rd.timeOfDayNs()).isEqualTo(sec * 1_000_000_000L + fracNs);
                assertThat(e.tsEvent).isEqualTo(1_340_236_800_000_000_000L + 4 * 3_600_000_000_000L + rd.timeOfDayNs());
                assertThat(e.type.ordinal() + 1).isEqualTo(type);
                assertThat(e.orderId).isEqualTo(id);
                assertThat(e.size).isEqualTo(size * Px.SCALE);
                assertThat(e.price).isEqualTo(price * 10_000);
                assertThat(e.side.sign()).isEqualTo(dir);
            }
        });
    }

    @Test
    void anyBookWrittenAndReadBackHasTheSameTopLevels() {
        qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            int n = 1 + r.nextInt(12);
            L2Book book = new L2Book();
            int levels = r.nextInt(2 * n + 2);
            for (int i = 0; i < levels; i++) {
                book.set(Side.BUY, Px.ofScaled(1_000_000 - r.nextInt(5000), 4), Px.ofUnits(1 + r.nextInt(100_000)));
                book.set(Side.SELL, Px.ofScaled(1_000_001 + r.nextInt(5000), 4), Px.ofUnits(1 + r.nextInt(100_000)));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (LobsterBookWriter w = new LobsterBookWriter(out, n)) {
                w.writeRow(book);
            }
            DataIssueLog log = new DataIssueLog();
            try (LobsterBookReader rd = new LobsterBookReader(new ByteArrayInputStream(out.toByteArray()), "w.csv", n, log)) {
                assertThat(rd.next()).isTrue();
                assertThat(log.total()).isZero();
                for (Side s : Side.values()) {
                    assertThat(rd.depth(s)).isEqualTo(Math.min(n, book.depth(s)));
                    for (int k = 0; k < n; k++) {
                        assertThat(rd.price(s, k)).isEqualTo(book.price(s, k));
                        assertThat(rd.size(s, k)).isEqualTo(book.size(s, k));
                    }
                }
            }
        });
    }
}
