package dev.periscope.analytics.detect;

import dev.periscope.model.Aggressor;
import dev.periscope.model.Px;
import org.junit.jupiter.api.Test;

import static dev.periscope.analytics.detect.Feed.ms;
import static org.assertj.core.api.Assertions.assertThat;

class NaivePlaybookIcebergDetectorTest {

    @Test
    void elevenUniformSmallPrintsAtOnePriceWithinTheWindowFire() {
        Feed f = new Feed(new NaivePlaybookIcebergDetector());
        for (int k = 0; k < 10; k++) assertThat(f.t(ms(1000L * k), "10.00", k % 2 == 0 ? "100" : "110", 'Q', "", 0)).isZero();
        assertThat(f.t(ms(10_000), "10.00", "100", 'K', "", 0)).isEqualTo(1);
        Alert a = f.last();
        assertThat(a.detector()).isEqualTo("naive-playbook-iceberg");
        assertThat(a.side()).isEqualTo(Aggressor.UNKNOWN);
        assertThat(a.prints()).isEqualTo(11);
        assertThat(a.totalSize()).isEqualTo(Px.parse("1150"));
        assertThat(a.tsStart()).isZero();
        assertThat(a.tsEnd()).isEqualTo(ms(10_000));
        assertThat(a.venues()).isEqualTo("KQ");
        // sizes 6 x 100, 5 x 110: mean 104.545..., sample std 5.2223 (python statistics.stdev)
        assertThat(a.description()).contains("n=11 mean=104.55 std=5.22");
        assertThat(a.params()).startsWith("window=1min,minTrades=10,maxCv=0.2,maxMeanSize=500,std=sample,");
        // at most one per price per window
        assertThat(f.t(ms(20_000), "10.00", "100", 'Q', "", 0)).isZero();
        assertThat(f.t(ms(70_000), "10.00", "100", 'Q', "", 0)).isZero();   // window now holds only 2 prints
    }

    @Test
    void theWindowSeparatesPrintsFarApartAndLargeOrDispersedSizesDoNotFire() {
        Feed f = new Feed(new NaivePlaybookIcebergDetector());
        for (int k = 0; k < 20; k++) f.t(ms(10_000L * k), "10.00", "100", 'Q', "", 0);   // 6 per minute at most
        for (int k = 0; k < 20; k++) f.t(ms(300_000 + k), "10.01", "600", 'Q', "", 0);   // mean >= 500
        for (int k = 0; k < 20; k++) f.t(ms(400_000 + k), "10.02", k % 2 == 0 ? "50" : "150", 'Q', "", 0); // cv 0.51
        assertThat(f.out.size()).isZero();
    }
}
