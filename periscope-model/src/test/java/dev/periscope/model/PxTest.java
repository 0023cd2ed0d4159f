package dev.periscope.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

class PxTest {

    /** Parses {@code text} embedded in a larger buffer, via the CharSequence and the byte[] variant; both must agree. */
    private static long parseBoth(String text) {
        String padded = "x," + text + ",y";
        int from = 2, to = 2 + text.length();
        long viaChars = Px.parse(padded, from, to);
        long viaBytes = Px.parse(padded.getBytes(StandardCharsets.US_ASCII), from, to);
        assertThat(viaBytes).as("byte[] and CharSequence parse of '%s'", text).isEqualTo(viaChars);
        assertThat(Px.parse(text)).isEqualTo(viaChars);
        return viaChars;
    }

    private static void assertRejectedBoth(String text) {
        String padded = "9" + text + "9"; // digits around the range must not leak into the parse
        int from = 1, to = 1 + text.length();
        assertThatThrownBy(() -> Px.parse(padded, from, to)).as("chars '%s'", text)
                .isInstanceOf(NumberFormatException.class);
        byte[] b = padded.getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> Px.parse(b, from, to)).as("bytes '%s'", text)
                .isInstanceOf(NumberFormatException.class);
    }

    @Test
    void parsesSignsAndDecimals() {
        assertThat(parseBoth("157.8")).isEqualTo(15_780_000_000L);
        assertThat(parseBoth("157.80")).isEqualTo(15_780_000_000L);
        assertThat(parseBoth("+157.8")).isEqualTo(15_780_000_000L);
        assertThat(parseBoth("-157.8")).isEqualTo(-15_780_000_000L);
        assertThat(parseBoth("0.00000637")).isEqualTo(637L);
        assertThat(parseBoth("0.00000001")).isEqualTo(1L);
        assertThat(parseBoth("-0.00000001")).isEqualTo(-1L);
        assertThat(parseBoth("100")).isEqualTo(10_000_000_000L);
        assertThat(parseBoth("0")).isZero();
        assertThat(parseBoth("-0")).isZero();
        assertThat(parseBoth("007.5")).isEqualTo(750_000_000L);
        assertThat(parseBoth(".5")).isEqualTo(50_000_000L);
        assertThat(parseBoth("5.")).isEqualTo(500_000_000L);
        assertThat(parseBoth("12345.12345678")).isEqualTo(1_234_512_345_678L);
    }

    @Test
    void acceptsZerosBeyondTheEighthDecimalButNoOtherDigit() {
        assertThat(parseBoth("1.1234567800")).isEqualTo(112_345_678L);
        assertRejectedBoth("1.123456789");
        assertRejectedBoth("0.000000001");
        assertRejectedBoth("1.0000000001");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "+", ".", "-.", "NaN", "nan", "Infinity", "-Infinity", "inf", "1e5", "1E5",
            "1.5e-3", "0x10", "1,5", "1.2.3", " 1", "1 ", "--1", "+-1", "1-", "abc", "12a", "١٢", "1_000"})
    void rejectsGarbage(String text) {
        assertRejectedBoth(text);
    }

    @Test
    void rangeLimitsAreExactAndOverflowIsRejected() {
        assertThat(parseBoth("92233720368.54775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(parseBoth("-92233720368.54775807")).isEqualTo(-Long.MAX_VALUE);
        // one unit beyond: Long.MIN_VALUE is Px.NONE and must never come out of a parse
        assertRejectedBoth("92233720368.54775808");
        assertRejectedBoth("-92233720368.54775808");
        // the integer part fits but integer part + fraction overflows
        assertRejectedBoth("92233720368.99999999");
        assertRejectedBoth("92233720369");
        assertRejectedBoth("100000000000");
        assertRejectedBoth("99999999999999999999999999999");
        assertThat(parseBoth("92233720368")).isEqualTo(9_223_372_036_800_000_000L);
    }

    @Test
    void parsesOnlyTheGivenRangeOfAByteRow() {
        byte[] row = "2018-01-02 05:01:21.479,P,XXX,FTI,2,157.8,0".getBytes(StandardCharsets.US_ASCII);
        int to = row.length - 2, from = to - 5;
        assertThat(Px.parse(row, from, to)).isEqualTo(15_780_000_000L);
        assertThat(Px.parse(row, from - 2, from - 1)).isEqualTo(200_000_000L);
    }

    @Test
    void formatsCanonically() {
        assertThat(Px.format(15_780_000_000L)).isEqualTo("157.8");
        assertThat(Px.format(10_000_000_000L)).isEqualTo("100");
        assertThat(Px.format(637L)).isEqualTo("0.00000637");
        assertThat(Px.format(-1L)).isEqualTo("-0.00000001");
        assertThat(Px.format(-15_050_000_000L)).isEqualTo("-150.5");
        assertThat(Px.format(0L)).isEqualTo("0");
        assertThat(Px.format(Long.MAX_VALUE)).isEqualTo("92233720368.54775807");
        assertThat(Px.format(-Long.MAX_VALUE)).isEqualTo("-92233720368.54775807");
        assertThat(Px.format(Px.NONE)).isEmpty();
        StringBuilder sb = new StringBuilder("p=");
        Px.appendTo(sb, Px.NONE);
        Px.appendTo(sb, 12_345_000_001L);
        assertThat(sb).hasToString("p=123.45000001");
    }

    @Test
    void scaledConversions() {
        // LOBSTER prices are dollars x 10000
        assertThat(Px.ofScaled(5_853_300, 4)).isEqualTo(58_533_000_000L);
        assertThat(Px.ofScaled(-12, 2)).isEqualTo(-12_000_000L);
        assertThat(Px.ofScaled(7, 8)).isEqualTo(7L);
        assertThat(Px.ofScaled(7, 0)).isEqualTo(700_000_000L);
        assertThat(Px.toScaled(58_533_000_000L, 4)).isEqualTo(5_853_300L);
        assertThat(Px.toScaled(-12_000_000L, 2)).isEqualTo(-12L);
        assertThat(Px.toScaled(637L, 8)).isEqualTo(637L);
        assertThatThrownBy(() -> Px.toScaled(58_533_000_001L, 4)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Px.ofScaled(Long.MAX_VALUE / 5, 7)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Px.ofScaled(1, 9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Px.ofScaled(1, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Px.toScaled(1, 9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Px.toScaled(1, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Px.toScaled(Px.NONE, 0)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void unitsAndDoubles() {
        assertThat(Px.ofUnits(300)).isEqualTo(30_000_000_000L);
        assertThatThrownBy(() -> Px.ofUnits(Long.MAX_VALUE / 10)).isInstanceOf(ArithmeticException.class);
        assertThat(Px.ofDouble(157.8)).isEqualTo(15_780_000_000L);
        assertThat(Px.ofDouble(0.1 + 0.2)).isEqualTo(30_000_000L);
        assertThat(Px.toDouble(15_780_000_000L)).isEqualTo(157.8);
        assertThatThrownBy(() -> Px.ofDouble(Double.NaN)).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> Px.ofDouble(Double.POSITIVE_INFINITY)).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> Px.ofDouble(1e11)).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void parseOfFormatIsIdentityForEveryValue() {
        qt().forAll(longs().between(-Long.MAX_VALUE, Long.MAX_VALUE))
                .checkAssert(v -> assertThat(parseBoth(Px.format(v))).isEqualTo(v));
        qt().forAll(longs().between(-10_000_000_000_000L, 10_000_000_000_000L)) // prices up to 100k, dense decimals
                .checkAssert(v -> assertThat(parseBoth(Px.format(v))).isEqualTo(v));
    }

    @Test
    void formatOfParseIsIdentityForCanonicalText() {
        // canonical text built independently of Px: sign, integer without leading zeros, 0..8 decimals, last one non-zero
        qt().forAll(longs().between(0, 92_233_720_367L), longs().between(0, 99_999_999L), integers().between(0, 8),
                        integers().between(0, 1))
                .checkAssert((ip, fracSeed, nDec, negative) -> {
                    String frac = "";
                    if (nDec > 0) {
                        StringBuilder f = new StringBuilder(String.format("%08d", fracSeed).substring(0, nDec));
                        if (f.charAt(nDec - 1) == '0') f.setCharAt(nDec - 1, '7');
                        frac = "." + f;
                    }
                    boolean zero = ip == 0 && frac.isEmpty();
                    String x = (negative == 1 && !zero ? "-" : "") + ip + frac;
                    assertThat(Px.format(parseBoth(x))).isEqualTo(x);
                });
    }
}
