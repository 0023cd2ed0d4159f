package dev.periscope.analytics.micro;

import dev.periscope.book.ReferenceL2Book;
import dev.periscope.model.Px;
import dev.periscope.model.Side;
import dev.periscope.testkit.SharedData;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BookImbalanceTest {
    static long px(String s) { return Px.parse(s); }
    static long sh(long n) { return Px.ofUnits(n); }

    static ReferenceL2Book book() {
        ReferenceL2Book b = new ReferenceL2Book();
        b.set(Side.BUY, px("10.00"), sh(300)); b.set(Side.BUY, px("9.99"), sh(100)); b.set(Side.BUY, px("9.98"), sh(400));
        b.set(Side.SELL, px("10.01"), sh(100)); b.set(Side.SELL, px("10.02"), sh(200)); b.set(Side.SELL, px("10.03"), sh(300));
        return b;
    }

    @Test
    void handComputedVariants() {
        BookImbalance bi = new BookImbalance(3, 0.5);
        assertThat(bi.update(book())).isTrue();
        assertThat(bi.level1()).isCloseTo(0.5, within(1e-15));              // (300-100)/400
        assertThat(bi.depth()).isCloseTo(200.0 / 1400, within(1e-15));      // (800-600)/1400
        assertThat(bi.weighted()).isCloseTo(175.0 / 725, within(1e-15));    // (300+50+100 - (100+100+75)) / (450+275)
        BookImbalance two = new BookImbalance(2, 0.5);
        two.update(book());
        assertThat(two.depth()).isCloseTo(100.0 / 700, within(1e-15));
        assertThat(two.weighted()).isCloseTo(150.0 / 550, within(1e-15));
    }

    @Test
    void emptyOneSidedAndCrossedBooksAreNotReady() {
        BookImbalance bi = new BookImbalance();
        ReferenceL2Book b = new ReferenceL2Book();
        assertThat(bi.update(b)).isFalse();
        assertThatThrownBy(bi::level1).isInstanceOf(IllegalStateException.class);
        b.set(Side.BUY, px("10"), sh(1));
        assertThat(bi.update(b)).isFalse();
        b.set(Side.SELL, px("9.99"), sh(1));
        assertThat(bi.update(b)).isFalse();      // crossed
        b.set(Side.SELL, px("9.99"), 0);
        b.set(Side.SELL, px("10"), sh(3));        // locked is fine
        assertThat(bi.update(b)).isTrue();
        assertThat(bi.level1()).isCloseTo(-0.5, within(1e-15));
        assertThat(bi.updateTop(px("10"), sh(3), Px.NONE, 0)).isFalse();
    }

    @Test
    void weightedMid() {
        WeightedMid wm = new WeightedMid();
        assertThat(wm.update(px("10.00"), sh(300), px("10.02"), sh(100))).isTrue();
        assertThat(wm.bidWeight()).isEqualTo(0.75);
        assertThat(wm.weightedMid()).isCloseTo(10.015, within(1e-12));   // 0.75*10.02 + 0.25*10.00
        assertThat(wm.mid()).isCloseTo(10.01, within(1e-12));
        assertThat(wm.update(new ReferenceL2Book())).isFalse();
        assertThatThrownBy(wm::weightedMid).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void realAaplTenLevelBook() throws IOException {
        // LOBSTER AAPL level-10 book rows: askPx1,askSz1,bidPx1,bidSz1,... (price x 10000)
        List<String> rows = Files.readAllLines(SharedData.path("lobster/AAPL_2012-06-21_head999_orderbook_10.csv"));
        assertThat(rows).hasSize(999);
        BookImbalance bi = new BookImbalance(10, 1.0);
        int ready = 0;
        for (String row : rows) {
            String[] f = row.split(",");
            ReferenceL2Book b = new ReferenceL2Book();
            long sb = 0, sa = 0;
            for (int k = 0; k < 10; k++) {
                long ap = Long.parseLong(f[4 * k]), as = Long.parseLong(f[4 * k + 1]);
                long bp = Long.parseLong(f[4 * k + 2]), bs = Long.parseLong(f[4 * k + 3]);
                if (as > 0 && ap < 9_999_999_999L) { b.set(Side.SELL, Px.ofScaled(ap, 4), sh(as)); sa += as; }
                if (bs > 0 && bp > -9_999_999_999L) { b.set(Side.BUY, Px.ofScaled(bp, 4), sh(bs)); sb += bs; }
            }
            if (!bi.update(b)) continue;
            ready++;
            long qb = Long.parseLong(f[3]), qa = Long.parseLong(f[1]);
            assertThat(bi.level1()).isCloseTo((double) (qb - qa) / (qb + qa), within(1e-12));
            assertThat(bi.depth()).isCloseTo((double) (sb - sa) / (sb + sa), within(1e-12));
            assertThat(bi.weighted()).isCloseTo(bi.depth(), within(1e-12));   // decay 1: equal weights
        }
        assertThat(ready).isEqualTo(999);
    }
}
