package dev.periscope.io.csv;

import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvMappingTest {
    @Test
    void parsesTheDocumentedExample() {
        CsvMapping m = CsvMapping.parse("ts=time:iso,price=px,size=qty,side=side");
        assertThat(m.type()).isEqualTo(CsvMapping.Type.TRADE);
        assertThat(m.ts().name()).isEqualTo("time");
        assertThat(m.timeFormat()).isEqualTo(CsvMapping.TimeFormat.ISO);
        assertThat(m.price().name()).isEqualTo("px");
        assertThat(m.size().name()).isEqualTo("qty");
        assertThat(m.side().name()).isEqualTo("side");
        assertThat(m.zone()).isEqualTo(ZoneOffset.UTC);
        assertThat(m.delimiter()).isEqualTo((byte) ',');
        assertThat(m.header()).isTrue();
        assertThat(m.lot()).isEqualTo(1);
        assertThat(m.venueCode()).isEqualTo('?');
    }

    @Test
    void parsesIndexesUnitsZonesDelimitersAndBars() {
        CsvMapping m = CsvMapping.parse(" type = bar , ts=#1:date, open=#2,high=#3,low=#4,close=#5,volume=#6, "
                + "header=false, delim=tab, zone=America/New_York, duration=5m, lot=100");
        assertThat(m.type()).isEqualTo(CsvMapping.Type.BAR);
        assertThat(m.ts().index()).isZero();
        assertThat(m.volume().index()).isEqualTo(5);
        assertThat(m.delimiter()).isEqualTo((byte) '\t');
        assertThat(m.zone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(m.durationNanos()).isEqualTo(300_000_000_000L);
        assertThat(m.lot()).isEqualTo(100);
        assertThat(CsvMapping.parse("ts=t:ms,price=p,size=s").timeFormat().isEpoch()).isTrue();
        assertThat(CsvMapping.parse("ts=t,price=p,size=s,delim=;").delimiter()).isEqualTo((byte) ';');
    }

    @Test
    void rejectsMistakesWithAClearMessage() {
        assertThatThrownBy(() -> CsvMapping.parse("ts=t:iso,price=p")).hasMessageContaining("missing key 'size'");
        assertThatThrownBy(() -> CsvMapping.parse("ts=t:iso,price=p,size=s,colour=red")).hasMessageContaining("unknown key 'colour'");
        assertThatThrownBy(() -> CsvMapping.parse("ts=t:fortnights,price=p,size=s")).hasMessageContaining("time format");
        assertThatThrownBy(() -> CsvMapping.parse("ts=t,price=p,size=s,bid=b")).hasMessageContaining("does not apply");
        assertThatThrownBy(() -> CsvMapping.parse("ts=t,price=p,size=s,header=false")).hasMessageContaining("#N");
        assertThatThrownBy(() -> CsvMapping.parse("ts=t,price=p,size=s,price=q")).hasMessageContaining("twice");
        assertThatThrownBy(() -> CsvMapping.parse("type=bar,ts=t,open=o,high=h,low=l,close=c,duration=3w")).hasMessageContaining("unit");
        assertThatThrownBy(() -> CsvMapping.parse("ts=t price=p")).hasMessageContaining("missing key");
    }
}
