package dev.periscope.io.taq;

import dev.periscope.io.csv.LineBuilder;
import dev.periscope.model.SaleCondition;

/**
 * TAQ's four-byte sale-condition field from a {@link SaleCondition} mask (NYSE Daily TAQ client specification,
 * "Sale Condition"): byte 1 settlement type, byte 2 trade-through exemption / reason, byte 3 extended-hours or
 * sequence, byte 4 SRO detail. A code whose byte is taken goes after the four bytes. Blanks at both ends are
 * trimmed; a regular print is written {@code ""}. Not thread-safe (one reused buffer).
 */
final class TaqConditionField {
    private static final SaleCondition[] CONDS = SaleCondition.values();
    private final char[] cond = new char[8];

    void append(LineBuilder out, long mask) {
        java.util.Arrays.fill(cond, ' ');
        int extra = 4;
        for (SaleCondition c : CONDS) {
            if (c == SaleCondition.REGULAR || !SaleCondition.has(mask, c)) continue;
            int pos = position(c.code());
            if (cond[pos] == ' ') cond[pos] = c.code();
            else if (extra < cond.length) cond[extra++] = c.code();
        }
        int from = 0, to = extra;
        while (from < to && cond[from] == ' ') from++;
        while (to > from && cond[to - 1] == ' ') to--;
        if (from == to) out.append("\"\"");
        else for (int i = from; i < to; i++) out.append(cond[i]);
    }

    /** Byte of the field a code belongs in: settlement, exemption/reason, extended hours, SRO detail. */
    private static int position(char c) {
        return switch (c) {
            case 'C', 'N', 'R' -> 0;
            case 'T', 'U', 'Z' -> 2;
            case 'I', 'W', 'B', 'K', 'V', 'L', 'G', 'H', 'A', 'D', 'E', 'S', 'Y', '1' -> 3;
            default -> 1;
        };
    }
}
