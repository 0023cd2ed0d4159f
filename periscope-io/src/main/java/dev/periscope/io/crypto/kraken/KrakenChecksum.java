package dev.periscope.io.crypto.kraken;

import dev.periscope.book.OrderBookView;
import dev.periscope.model.Px;
import dev.periscope.model.Side;

import java.util.zip.CRC32;

/**
 * Kraken WebSocket v1 book checksum: CRC32 of the concatenation, for the top 10 asks (lowest price first) then the
 * top 10 bids (highest first), of each level's price and volume text with the '.' removed and leading zeros
 * stripped. Source: Kraken API docs, "Spot Websockets (v1) Book Checksum"
 * (https://docs.kraken.com/api/docs/guides/spot-ws-book-v1).
 *
 * <p>The text is rebuilt from fixed point with the pair's published number of decimals (taken from the snapshot's
 * strings): "0.05120" with 5 decimals is the integer 5120, so the stripped text is simply the decimal digits of
 * {@code value x 10^decimals}. Allocation-free; one instance per replay (not thread-safe).
 */
public final class KrakenChecksum {
    private final CRC32 crc = new CRC32();
    private final byte[] digits = new byte[20];

    /** The checksum of {@code book}'s top 10 levels with the given decimals. */
    public long compute(OrderBookView book, int priceDecimals, int volumeDecimals) {
        crc.reset();
        side(book, Side.SELL, priceDecimals, volumeDecimals);
        side(book, Side.BUY, priceDecimals, volumeDecimals);
        return crc.getValue();
    }

    private void side(OrderBookView book, Side side, int pd, int vd) {
        int n = Math.min(10, book.depth(side));
        for (int i = 0; i < n; i++) {
            append(book.price(side, i), pd);
            append(book.size(side, i), vd);
        }
    }

    private void append(long value, int decimals) {
        long m = mantissa(value, decimals);
        int k = digits.length;
        do {
            digits[--k] = (byte) ('0' + m % 10);
            m /= 10;
        } while (m != 0);
        crc.update(digits, k, digits.length - k);
    }

    /** {@code value} (fixed point, 8 decimals) as an integer count of 10^-decimals; exact or throws. */
    static long mantissa(long value, int decimals) {
        if (value < 0) throw new IllegalArgumentException("negative " + value);
        if (decimals <= Px.DECIMALS) return Px.toScaled(value, decimals);
        long m = value;
        for (int i = Px.DECIMALS; i < decimals; i++) m = Math.multiplyExact(m, 10L);
        return m;
    }
}
