package dev.periscope.model.truth;

import dev.periscope.model.Px;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroundTruthLabelTest {
    private static GroundTruthLabel full() {
        return new GroundTruthLabel("iceberg", "XXX", "N", (byte) 1, 1_000, 2_000, Px.ofUnits(5000),
                Px.parse("10.01"), Px.parse("10.02"), new long[]{7, 9}, new long[]{101}, "hidden bid, 10 refills");
    }

    @Test
    void validLabelKeepsItsFields() {
        GroundTruthLabel l = full();
        assertThat(l.kind()).isEqualTo("iceberg");
        assertThat(l.durationNanos()).isEqualTo(1_000);
        assertThat(l.hasPrices()).isTrue();
        assertThat(l.orderIds()).containsExactly(7, 9);
        assertThat(l.tradeIdCount()).isEqualTo(1);
        assertThat(l.tradeId(0)).isEqualTo(101);
        assertThat(l.toString()).contains("iceberg XXX@N buy ts=1000..2000 size=5000 px=10.01..10.02 orders=2 prints=1");
    }

    @Test
    void idArraysAreCopiedInAndOut() {
        long[] ids = {1, 2};
        GroundTruthLabel l = GroundTruthLabel.of("sweep", "XXX", (byte) -1, 5, 5).withIds(ids, null);
        ids[0] = 99;
        assertThat(l.orderId(0)).isEqualTo(1);
        l.orderIds()[1] = 99;
        assertThat(l.orderId(1)).isEqualTo(2);
        assertThat(l.tradeIdCount()).isZero();
    }

    @Test
    void equalityComparesArrayContents() {
        assertThat(full()).isEqualTo(full()).hasSameHashCodeAs(full());
        assertThat(full().withIds(new long[]{7, 10}, new long[]{101})).isNotEqualTo(full());
        assertThat(full().withNote("x")).isNotEqualTo(full());
    }

    @Test
    void rejectsInvalidFields() {
        GroundTruthLabel l = full();
        assertThatThrownBy(() -> GroundTruthLabel.of("Iceberg", "XXX", (byte) 0, 0, 0)).hasMessageContaining("kind");
        assertThatThrownBy(() -> GroundTruthLabel.of("", "XXX", (byte) 0, 0, 0)).hasMessageContaining("kind is empty");
        assertThatThrownBy(() -> GroundTruthLabel.of("block", " ", (byte) 0, 0, 0)).hasMessageContaining("instrument");
        assertThatThrownBy(() -> GroundTruthLabel.of("block", "A,B", (byte) 0, 0, 0)).hasMessageContaining("comma");
        assertThatThrownBy(() -> GroundTruthLabel.of("block", "XXX", (byte) 2, 0, 0)).hasMessageContaining("side");
        assertThatThrownBy(() -> GroundTruthLabel.of("block", "XXX", (byte) 0, 5, 4)).hasMessageContaining("tsEnd < tsStart");
        assertThatThrownBy(() -> GroundTruthLabel.of("block", "XXX", (byte) 0, -1, 4)).hasMessageContaining("tsStart < 0");
        assertThatThrownBy(() -> l.withVenue("N-1")).hasMessageContaining("venue");
        assertThatThrownBy(() -> l.withSize(-1)).hasMessageContaining("size");
        assertThatThrownBy(() -> l.withPrices(Px.parse("2"), Px.parse("1"))).hasMessageContaining("priceLow > priceHigh");
        assertThatThrownBy(() -> l.withPrices(Px.NONE, Px.parse("1"))).hasMessageContaining("both");
        assertThatThrownBy(() -> l.withIds(new long[]{-3}, null)).hasMessageContaining("negative id");
        assertThatThrownBy(() -> l.withNote("two\nlines")).hasMessageContaining("control character");
    }
}
