package dev.periscope.model.time;

/**
 * Allocation-free conversion of an epoch day (days since 1970-01-01) to a {@code yyyymmdd} int, for session keys.
 * Algorithm: H. Hinnant, "chrono-Compatible Low-Level Date Algorithms", {@code civil_from_days}.
 */
final class CivilDays {
    static final long NANOS_PER_DAY = 86_400_000_000_000L;

    private CivilDays() {}

    /** {@code yyyymmdd} of a proleptic-Gregorian epoch day, e.g. 17533 -> 20180102. */
    static int yyyymmdd(long epochDay) {
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long y = yoe + era * 400;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long d = doy - (153 * mp + 2) / 5 + 1;
        long m = mp < 10 ? mp + 3 : mp - 9;
        if (m <= 2) y++;
        return (int) (y * 10_000 + m * 100 + d);
    }
}
