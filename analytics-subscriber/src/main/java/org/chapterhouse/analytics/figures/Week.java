package org.chapterhouse.analytics.figures;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chapterhouse.analytics.web.BadQuery;

/** An ISO 8601 week in UTC, written {@code 2026-W49}: Monday 00:00Z to the next Monday 00:00Z. */
record Week(int year, int week) implements Comparable<Week> {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-W(\\d{2})");

    Week {
        int weeks = weeksIn(year);
        if (week < 1 || week > weeks) {
            throw new IllegalArgumentException(year + " has weeks 1 to " + weeks + ", not " + week);
        }
    }

    /** The week an instant falls in, in UTC. */
    static Week of(Instant instant) {
        LocalDate day = instant.atOffset(ZoneOffset.UTC).toLocalDate();
        return new Week(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** Parses {@code YYYY-Www}; a query parameter that is not one is a {@link BadQuery}. */
    static Week parse(String parameter, String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new BadQuery("invalid-week", "'" + parameter + "' must be an ISO week such as 2026-W49, not '"
                    + text + "'");
        }
        try {
            return new Week(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        } catch (IllegalArgumentException e) {
            throw new BadQuery("invalid-week", "'" + parameter + "': " + e.getMessage());
        }
    }

    /** Monday 00:00 UTC, inclusive. */
    Instant start() {
        LocalDate monday = LocalDate.of(year, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return monday.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The next Monday 00:00 UTC, exclusive. */
    Instant end() {
        return start().plusSeconds(7 * 24 * 3600);
    }

    @Override
    public int compareTo(Week other) {
        return year != other.year ? Integer.compare(year, other.year) : Integer.compare(week, other.week);
    }

    @Override
    public String toString() {
        return String.format("%04d-W%02d", year, week);
    }

    private static int weeksIn(int year) {
        // 4 January is always in week 1, 28 December always in the last week of its week-based year
        return LocalDate.of(year, 12, 28).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }
}
