package dev.periscope.model;

import dev.periscope.testkit.SharedData;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ParticipantTest {

    @Test
    void onlyFinraIsOffExchange() {
        for (Participant p : Participant.values()) {
            assertThat(p.isOffExchange()).as(p.name()).isEqualTo(p == Participant.D);
            assertThat(Participant.ofCode(p.code())).isSameAs(p);
        }
    }

    @Test
    void codesMatchTheTaqSpecification() {
        // audit DP-1: J, K, Y, M, N are lit exchanges; D is FINRA ADF/TRF
        assertThat(Participant.ofCode('J').mic()).isEqualTo("EDGA");
        assertThat(Participant.ofCode('K').mic()).isEqualTo("EDGX");
        assertThat(Participant.ofCode('Y').mic()).isEqualTo("BATY");
        assertThat(Participant.ofCode('M').mic()).isEqualTo("XCHI");
        assertThat(Participant.ofCode('N').mic()).isEqualTo("XNYS");
        assertThat(Participant.ofCode('P').mic()).isEqualTo("ARCX");
        assertThat(Participant.ofCode('V').mic()).isEqualTo("IEXG");
        assertThat(Participant.ofCode('U').mic()).isEqualTo("MEMX");
        assertThat(Participant.ofCode('H').mic()).isEqualTo("EPRL");
        assertThat(Participant.ofCode('T').mic()).isEqualTo(Participant.ofCode('Q').mic()).isEqualTo("XNAS");
        assertThat(Participant.ofCode('F')).isNull();
        assertThat(Participant.ofCode('R')).isNull();
        assertThat(Participant.ofCode('\u00c4')).isNull();
    }

    @Test
    void everyExchangeInTheTaqSampleIsKnown() throws IOException {
        List<String> lines = Files.readAllLines(SharedData.path("hf-taq-sample/XXX_trades_2018-01-02_03_taq.csv"));
        long offExchange = 0;
        for (String line : lines.subList(1, lines.size())) {
            String ex = line.split(",", -1)[1];
            assertThat(ex).hasSize(1);
            Participant p = Participant.ofCode(ex.charAt(0));
            assertThat(p).as(ex).isNotNull();
            if (p.isOffExchange()) offExchange++;
        }
        assertThat(offExchange).isEqualTo(23_697); // the sample README: D = FINRA TRF, 23,697 prints
    }
}
