package dev.periscope.io.lobster;

import dev.periscope.model.Instrument;
import dev.periscope.model.Px;
import dev.periscope.model.Side;
import dev.periscope.model.event.MarketEvent;
import dev.periscope.model.event.OrderEvent;
import dev.periscope.model.quality.DataException;
import dev.periscope.model.quality.DataIssue;
import dev.periscope.model.quality.DataIssueLog;
import dev.periscope.model.quality.IssuePolicy;
import dev.periscope.testkit.SharedData;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LobsterReaderTest {
    private static final String AAPL = "lobster/AAPL_2012-06-21_head999_message_10.csv";
    private static final String GOOG = "lobster/GOOG_2012-06-21_34200000_57600000_message_1.csv";

    private static LobsterReader reader(String text, LocalDate date, DataIssueLog log) {
        return new LobsterReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)), "t.csv", date,
                LobsterReader.NEW_YORK, Instrument.usEquity("T"), log);
    }

    @Test
    void readsTheRealAaplSampleWithTypeCountsFromAwk() {
        DataIssueLog log = new DataIssueLog();
        Map<OrderEvent.Type, Integer> counts = new EnumMap<>(OrderEvent.Type.class);
        OrderEvent first = null, last = null;
        try (LobsterReader r = new LobsterReader(SharedData.path(AAPL), log)) {
            for (MarketEvent e; (e = r.next()) != null; ) {
                OrderEvent o = (OrderEvent) e;
                counts.merge(o.type, 1, Integer::sum);
                if (first == null) first = o.copy();
                last = o.copy();
            }
            assertThat(r.instrument().symbol()).isEqualTo("AAPL");
        }
        assertThat(log.total()).isZero();
        // awk -F, '{print $2}' file | sort | uniq -c  ->  471 x1, 369 x3, 98 x4, 61 x5
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(OrderEvent.Type.ADD, 471,
                OrderEvent.Type.DELETE, 369, OrderEvent.Type.EXECUTE, 98, OrderEvent.Type.EXECUTE_HIDDEN, 61));
        // 34200.004241176,1,16113575,18,5853300,1 ; 2012-06-21 09:30 EDT = 13:30Z (python zoneinfo)
        assertThat(first.tsEvent).isEqualTo(1_340_285_400_004_241_176L);
        assertThat(first.type).isEqualTo(OrderEvent.Type.ADD);
        assertThat(first.orderId).isEqualTo(16113575L);
        assertThat(first.size).isEqualTo(Px.ofUnits(18));
        assertThat(first.price).isEqualTo(Px.parse("585.33"));
        assertThat(first.side).isEqualTo(Side.BUY);
        assertThat(first.sourceSeq).isEqualTo(1);
        // last line has no trailing newline: 34249.086375027,1,18259338,18,5853500,1
        assertThat(last.sourceSeq).isEqualTo(999);
        assertThat(last.orderId).isEqualTo(18259338L);
        assertThat(last.tsEvent).isEqualTo(1_340_285_400_000_000_000L - 34_200_000_000_000L + 34_249_086_375_027L);
    }

    @Test
    void readsTheFullGoogDayInOrder() {
        DataIssueLog log = new DataIssueLog();
        int n = 0, hidden = 0;
        long prev = Long.MIN_VALUE;
        try (LobsterReader r = new LobsterReader(SharedData.path(GOOG), log)) {
            for (MarketEvent e; (e = r.next()) != null; n++) {
                assertThat(e.tsEvent).isGreaterThanOrEqualTo(prev);
                prev = e.tsEvent;
                if (((OrderEvent) e).type == OrderEvent.Type.EXECUTE_HIDDEN) hidden++;
            }
        }
        assertThat(log.total()).isZero();
        assertThat(n).isEqualTo(49_482);
        assertThat(hidden).isEqualTo(3_913);
        // last row 57599.320718269 -> 15:59:59.320718269 EDT
        assertThat(prev).isEqualTo(1_340_236_800_000_000_000L + 4 * 3_600_000_000_000L + 57_599_320_718_269L);
    }

    @Test
    void shortDecimalsAndAllTypesAndHaltCodes() {
        DataIssueLog log = new DataIssueLog();
        String text = "34200.05990197,4,15818974,300,5794000,1\r\n"
                + "34200.1,2,7,5,100,-1\n"
                + "34201,6,0,1000,1234567,1\n"
                + "34202.5,7,0,0,-1,-1\n"
                + "34203,7,0,0,1,-1";
        try (LobsterReader r = reader(text, LocalDate.of(2012, 6, 21), log)) {
            OrderEvent e = (OrderEvent) r.next();
            assertThat(e.type).isEqualTo(OrderEvent.Type.EXECUTE);
            assertThat(e.side).isEqualTo(Side.BUY); // passive (resting) side: a sell-initiated trade
            assertThat(r.timeOfDayNs()).isEqualTo(34_200_059_901_970L);
            e = (OrderEvent) r.next();
            assertThat(e.type).isEqualTo(OrderEvent.Type.CANCEL);
            assertThat(e.side).isEqualTo(Side.SELL);
            assertThat(e.price).isEqualTo(Px.parse("0.01"));
            assertThat(r.timeOfDayNs()).isEqualTo(34_200_100_000_000L);
            e = (OrderEvent) r.next();
            assertThat(e.type).isEqualTo(OrderEvent.Type.CROSS);
            assertThat(e.price).isEqualTo(Px.parse("123.4567"));
            e = (OrderEvent) r.next();
            assertThat(e.type).isEqualTo(OrderEvent.Type.HALT);
            assertThat(r.rawPrice()).isEqualTo(-1);
            assertThat(e.price).isEqualTo(Px.ofUnits(-1));
            e = (OrderEvent) r.next();
            assertThat(r.rawPrice()).isEqualTo(1);
            assertThat(r.line()).isEqualTo(5);
            assertThat(r.next()).isNull();
        }
        assertThat(log.total()).isZero();
    }

    @Test
    void badRowsAreReportedWithLineFieldAndReasonAndSkipped() {
        DataIssueLog log = new DataIssueLog();
        String text = String.join("\n",
                "34200.1,1,1,100,5000000,1",      // 1 ok
                "34200.2,8,1,100,5000000,1",      // 2 bad type
                "34200.3,1,2,0,5000000,1",        // 3 zero size
                "34200.4,1,3,100,5000000,0",      // 4 bad direction
                "34200.5,1,4,100,-5,1",           // 5 negative price
                "34200.6,1,5,100,5000000",        // 6 five fields
                "34200.x,1,6,100,5000000,1",      // 7 bad time
                "",                               // 8 empty
                "34100.0,1,7,100,5000000,1",      // 9 time regression
                "34200.7,1,8,1e3,5000000,1",      // 10 exponent
                "34200.8,3,9,100,5000000,-1",     // 11 ok
                "34200.8000000001,3,9,100,5000000,-1"); // 12 10 decimals
        int ok = 0;
        try (LobsterReader r = reader(text, LocalDate.of(2012, 6, 21), log)) {
            while (r.next() != null) ok++;
        }
        assertThat(ok).isEqualTo(2);
        List<DataIssue> is = log.firstIssues();
        assertThat(is).extracting(DataIssue::line).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 12L);
        assertThat(is).extracting(DataIssue::field)
                .containsExactly("type", "size", "direction", "price", "", "time", "", "time", "size", "time");
        assertThat(is).extracting(DataIssue::kind).containsExactly("bad-type", "bad-size", "bad-side", "bad-price",
                "field-count", "bad-time", "empty-line", "time-regression", "bad-size", "bad-time");
        assertThat(is.get(0).source()).isEqualTo("t.csv");
        assertThat(is.get(0).reason()).contains("'8'");
    }

    @Test
    void strictPolicyStopsAtTheFirstBadRow() {
        DataIssueLog log = new DataIssueLog(IssuePolicy.STRICT, 10, null);
        try (LobsterReader r = reader("34200.1,1,1,100,5000000,1\n34200.2,1,1,100,abc,1\n", LocalDate.of(2012, 6, 21), log)) {
            assertThat(r.next()).isNotNull();
            assertThatThrownBy(r::next).isInstanceOf(DataException.class).hasMessageContaining("t.csv:2 [price]");
        }
    }

    @Test
    void daylightSavingChangesInsideTheDayUseTheWallClockOffset() {
        // expected epoch seconds from python zoneinfo (fold=0 for the repeated hour)
        long[][] cases = {
                {2021, 3, 14, 3600, 1_615_701_600L}, {2021, 3, 14, 36000, 1_615_730_400L},
                {2021, 11, 7, 3600, 1_636_261_200L}, {2021, 11, 7, 36000, 1_636_297_200L}};
        for (long[] c : cases) {
            try (LobsterReader r = reader(c[3] + ",1,1,1,10000,1", LocalDate.of((int) c[0], (int) c[1], (int) c[2]),
                    new DataIssueLog())) {
                assertThat(r.next().tsEvent).isEqualTo(c[4] * 1_000_000_000L);
            }
        }
    }

    @Test
    void fileNameGivesTickerDateAndLevels() {
        LobsterFileName n = LobsterFileName.parse("GOOG_2012-06-21_34200000_57600000_message_1.csv").orElseThrow();
        assertThat(n).isEqualTo(new LobsterFileName("GOOG", LocalDate.of(2012, 6, 21), "34200000_57600000", "message", 1));
        assertThat(LobsterFileName.parse("AAPL_2012-06-21_head999_orderbook_10.csv").orElseThrow().levels()).isEqualTo(10);
        assertThat(LobsterFileName.parse("messages.csv")).isEmpty();
        assertThat(LobsterFileName.parse("X_2012-13-40_a_message_1.csv")).isEmpty();
    }
}
