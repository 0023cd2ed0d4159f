package dev.periscope.model;

import dev.periscope.model.SaleCondition.Plan;
import dev.periscope.testkit.SharedData;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.periscope.model.SaleCondition.*;
import static org.assertj.core.api.Assertions.assertThat;

class SaleConditionTest {

    @Test
    void parsesTaqConditionStrings() {
        assertThat(maskOf("FTI")).isEqualTo(INTERMARKET_SWEEP.bit() | FORM_T.bit() | ODD_LOT.bit());
        assertThat(maskOf("F I")).isEqualTo(INTERMARKET_SWEEP.bit() | ODD_LOT.bit());
        assertThat(maskOf(" ")).isEqualTo(REGULAR_MASK);
        assertThat(maskOf("")).isEqualTo(REGULAR_MASK);
        assertThat(maskOf("    ")).isEqualTo(REGULAR_MASK);
        assertThat(maskOf("@")).isEqualTo(REGULAR_MASK).isEqualTo(REGULAR.bit());
        assertThat(maskOf("4")).isEqualTo(DERIVATIVELY_PRICED.bit());
        assertThat(maskOf("N  I")).isEqualTo(NEXT_DAY.bit() | ODD_LOT.bit());
        assertThat(maskOf("F?")).isEqualTo(-1L);
        assertThat(maskOf("f")).isEqualTo(-1L);   // codes are upper case
        assertThat(maskOf("2")).isEqualTo(-1L);   // not a TAQ code
        assertThat(maskOf("\u00e9")).isEqualTo(-1L);
        assertThat(codes(maskOf("I F"))).isEqualTo("FI");
        assertThat(codes(REGULAR_MASK)).isEqualTo("@");
    }

    @Test
    void parsesOnlyTheGivenRangeAndBytesAgree() {
        String row = "2018-01-02 05:01:21.479,P,XXX,FTI,2,157.8,0";
        int from = row.indexOf("FTI"), to = from + 3;
        long expected = INTERMARKET_SWEEP.bit() | FORM_T.bit() | ODD_LOT.bit();
        assertThat(maskOf(row, from, to)).isEqualTo(expected);
        byte[] b = row.getBytes(StandardCharsets.US_ASCII);
        for (Plan plan : Plan.values()) assertThat(maskOf(b, from, to, plan)).isEqualTo(expected);
        assertThat(maskOf(b, from, from, Plan.CTA)).isEqualTo(REGULAR_MASK);
        assertThat(maskOf(new byte[]{'F', (byte) 0xC6}, 0, 2, Plan.UTP)).isEqualTo(-1L);
    }

    @Test
    void letterBDependsOnThePlan() {
        assertThat(maskOf("4 B", 0, 3, Plan.CTA)).isEqualTo(DERIVATIVELY_PRICED.bit() | AVERAGE_PRICE.bit());
        assertThat(maskOf("4 B", 0, 3, Plan.UNKNOWN)).isEqualTo(DERIVATIVELY_PRICED.bit() | AVERAGE_PRICE.bit());
        assertThat(maskOf("B", 0, 1, Plan.UTP)).isEqualTo(BUNCHED.bit());
        // a UTP bunched trade is a regular last sale; a CTA average-price trade updates volume only and is not signed
        assertThat(updatesLast(maskOf("B", 0, 1, Plan.UTP))).isTrue();
        assertThat(isSignable(maskOf("B", 0, 1, Plan.UTP))).isTrue();
        long cta = maskOf("TB", 0, 2, Plan.CTA);
        assertThat(updatesLast(cta)).isFalse();
        assertThat(updatesHighLow(cta)).isFalse();
        assertThat(updatesVolume(cta)).isTrue();
        assertThat(isSignable(cta)).isFalse();
    }

    @Test
    void eligibilityFollowsTheMostRestrictiveCondition() {
        long oddLot = maskOf("I");
        assertThat(updatesLast(oddLot)).isFalse();
        assertThat(updatesHighLow(oddLot)).isFalse();
        assertThat(updatesVolume(oddLot)).isTrue();
        assertThat(isSignable(oddLot)).isTrue();

        long regular = maskOf(" ");
        assertThat(updatesLast(regular)).isTrue();
        assertThat(updatesHighLow(regular)).isTrue();
        assertThat(updatesVolume(regular)).isTrue();
        assertThat(isSignable(regular)).isTrue();

        long iso = maskOf("F");
        assertThat(updatesLast(iso) && updatesHighLow(iso) && updatesVolume(iso) && isSignable(iso)).isTrue();
        long isoOddLot = maskOf("F I");
        assertThat(updatesLast(isoOddLot)).isFalse();
        assertThat(updatesVolume(isoOddLot)).isTrue();

        assertThat(isSignable(maskOf("W"))).isFalse();
        assertThat(isSignable(maskOf("4"))).isFalse();
        assertThat(isSignable(maskOf("F4"))).isFalse();
        assertThat(isSignable(maskOf("T"))).isTrue(); // extended hours: signed, flagged by the caller
        assertThat(isSignable(maskOf("U"))).isFalse();

        // derivatively priced / prior reference / out of sequence / seller: high-low yes, last no
        for (String c : List.of("4", "P", "Z", "R", "G")) {
            assertThat(updatesHighLow(maskOf(c))).as(c).isTrue();
            assertThat(updatesLast(maskOf(c))).as(c).isFalse();
            assertThat(updatesVolume(maskOf(c))).as(c).isTrue();
        }
        // official open/close and the corrected close carry no volume
        for (String c : List.of("M", "Q", "9")) assertThat(updatesVolume(maskOf(c))).as(c).isFalse();
        assertThat(updatesLast(maskOf("9"))).isTrue();
        assertThat(updatesLast(maskOf("M"))).isFalse();
        // volume-only conditions
        for (String c : List.of("C", "H", "I", "N", "T", "U", "V", "W", "7")) {
            assertThat(updatesLast(maskOf(c)) || updatesHighLow(maskOf(c))).as(c).isFalse();
            assertThat(updatesVolume(maskOf(c))).as(c).isTrue();
        }
    }

    @Test
    void codeTableIsConsistent() {
        for (SaleCondition c : values()) {
            assertThat(ofCode(c.code())).isSameAs(c);
            assertThat(maskOf(String.valueOf(c.code()), 0, 1, Plan.UTP)).isEqualTo(c.bit());
            assertThat(Long.bitCount(c.bit())).isEqualTo(1);
            // a signable price must be a real last-sale price or an odd lot / extended-hours print of one
            if (c.signable()) assertThat(c.updatesVolume()).as(c.name()).isTrue();
        }
        assertThat(ofCode(' ')).isSameAs(REGULAR);
        assertThat(ofCode('?')).isNull();
        assertThat(ofCode('\u2603')).isNull();
    }

    /** Every condition string in the real TAQ sample must parse (under every plan); prints the distribution. */
    @Test
    void everyConditionInTheTaqSampleIsKnown() throws IOException {
        Map<String, Integer> seen = new TreeMap<>();
        List<String> lines = Files.readAllLines(SharedData.path("hf-taq-sample/XXX_trades_2018-01-02_03_taq.csv"));
        assertThat(lines.get(0)).isEqualTo("DT_EST,EX,SYMBOL,COND,SIZE,PRICE,CORR");
        long signable = 0, updatesLast = 0;
        List<String> unknown = new java.util.ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String cond = line.split(",", -1)[3];
            if (cond.length() >= 2 && cond.startsWith("\"") && cond.endsWith("\"")) {
                cond = cond.substring(1, cond.length() - 1); // R's CSV writer quotes the empty field as ""
            }
            seen.merge(cond, 1, Integer::sum);
            for (Plan plan : Plan.values()) {
                if (maskOf(cond, 0, cond.length(), plan) == -1L) unknown.add(cond + " under " + plan);
            }
            long m = maskOf(cond, 0, cond.length(), Plan.CTA);
            if (isSignable(m)) signable++;
            if (updatesLast(m)) updatesLast++;
        }
        System.out.println("TAQ sample condition strings: " + seen);
        assertThat(unknown).isEmpty();
        assertThat(lines).hasSize(77_263 + 1);
        assertThat(seen).containsEntry("", 25_836).containsEntry("F I", 14_758).containsEntry("4 B", 304)
                .hasSize(33);
        // only '' (25,836), 'F' (15,700), 'O' (2) and '6' (2) consist solely of last-sale-eligible codes
        assertThat(updatesLast).isEqualTo(25_836 + 15_700 + 2 + 2);
        assertThat(signable).isGreaterThan(updatesLast);
    }
}
