package org.chapterhouse.analytics.figures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.chapterhouse.analytics.facts.Fact;
import org.chapterhouse.analytics.facts.FactType;

/**
 * The weekly figures, computed from facts alone: a pure function, so the same facts always give the same figures,
 * whatever order they arrived in and however often.
 */
final class WeeklyFigures {

    private WeeklyFigures() {
    }

    /**
     * The figures of each (chapter, week) with any activity, for weeks in {@code [from, to]} (null: open) and one
     * chapter (null: all), sorted by week then chapter. {@code facts} may hold more than that; the answers and
     * acceptances of the questions in range must be among them, whenever they happened.
     */
    static List<WeeklyFigure> compute(Collection<Fact> facts, String chapterId, Week from, Week to) {
        Map<String, Fact> questions = new HashMap<>();
        Map<String, Instant> firstAnswer = new HashMap<>();
        Map<String, Instant> firstAcceptance = new HashMap<>();
        for (Fact f : distinct(facts)) {
            switch (f.type()) {
                case QUESTION_POSTED -> questions.merge(f.questionId(), f, (a, b) -> earlier(a, b) ? a : b);
                case ANSWER_POSTED -> firstAnswer.merge(f.questionId(), f.time(), WeeklyFigures::min);
                case ANSWER_ACCEPTED -> firstAcceptance.merge(f.questionId(), f.time(), WeeklyFigures::min);
                default -> { }
            }
        }

        Map<Cell, Tally> cells = new TreeMap<>();
        for (Fact q : questions.values()) {
            Tally t = tally(cells, q.chapterId(), q.time(), chapterId, from, to);
            if (t != null) {
                t.questions.add(q);
                addIfPresent(t.active, q.authorId());
            }
        }
        for (Fact f : distinct(facts)) {
            if (f.type() == FactType.ANSWER_POSTED) {
                Fact question = questions.get(f.questionId());
                String chapter = f.chapterId() != null ? f.chapterId() : question == null ? null : question.chapterId();
                Tally t = tally(cells, chapter, f.time(), chapterId, from, to);
                if (t != null) {
                    addIfPresent(t.active, f.authorId());
                }
            } else if (f.type() == FactType.STORY_SHARED) {
                Tally t = tally(cells, f.chapterId(), f.time(), chapterId, from, to);
                if (t != null) {
                    t.stories++;
                }
            }
        }

        List<WeeklyFigure> out = new ArrayList<>();
        cells.forEach((cell, t) -> {
            List<Long> toFirstAnswer = new ArrayList<>();
            List<Long> toAcceptance = new ArrayList<>();
            for (Fact q : t.questions) {
                Instant answered = firstAnswer.get(q.questionId());
                if (answered != null) {
                    toFirstAnswer.add(millisBetween(q.time(), answered));
                }
                Instant accepted = firstAcceptance.get(q.questionId());
                if (accepted != null) {
                    toAcceptance.add(millisBetween(q.time(), accepted));
                }
            }
            int asked = t.questions.size();
            Double share = asked == 0 ? null : round3(BigDecimal.valueOf(toFirstAnswer.size())
                    .divide(BigDecimal.valueOf(asked), 3, RoundingMode.HALF_UP));
            out.add(new WeeklyFigure(cell.chapterId, cell.week.toString(), asked, share, medianSeconds(toFirstAnswer),
                    medianSeconds(toAcceptance), t.active.size(), t.stories));
        });
        return out;
    }

    /** The median of the durations in milliseconds, in seconds to 3 decimals; null when there are none. */
    static Double medianSeconds(List<Long> millis) {
        if (millis.isEmpty()) {
            return null;
        }
        List<Long> sorted = millis.stream().sorted().toList();
        int n = sorted.size();
        BigDecimal median = n % 2 == 1
                ? BigDecimal.valueOf(sorted.get(n / 2))
                : BigDecimal.valueOf(sorted.get(n / 2 - 1)).add(BigDecimal.valueOf(sorted.get(n / 2)))
                        .divide(BigDecimal.valueOf(2));
        return round3(median.divide(BigDecimal.valueOf(1000)));
    }

    /** Never negative: an answer stamped before its question (clock skew) counts as immediate. */
    private static long millisBetween(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toMillis());
    }

    private static Tally tally(Map<Cell, Tally> cells, String chapter, Instant time, String onlyChapter, Week from,
                               Week to) {
        if (chapter == null || (onlyChapter != null && !onlyChapter.equals(chapter))) {
            return null;
        }
        Week week = Week.of(time);
        if ((from != null && week.compareTo(from) < 0) || (to != null && week.compareTo(to) > 0)) {
            return null;
        }
        return cells.computeIfAbsent(new Cell(week, chapter), c -> new Tally());
    }

    /** Each fact once, by id (the store never holds two; a caller merging query results might). */
    private static Collection<Fact> distinct(Collection<Fact> facts) {
        Map<String, Fact> byId = new HashMap<>();
        facts.forEach(f -> byId.putIfAbsent(f.id(), f));
        return byId.values();
    }

    private static boolean earlier(Fact a, Fact b) {
        int c = a.time().compareTo(b.time());
        return c != 0 ? c < 0 : a.id().compareTo(b.id()) <= 0;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static void addIfPresent(Set<String> set, String value) {
        if (value != null) {
            set.add(value);
        }
    }

    private static Double round3(BigDecimal value) {
        return value.setScale(3, RoundingMode.HALF_UP).doubleValue();
    }

    private record Cell(Week week, String chapterId) implements Comparable<Cell> {
        private static final Comparator<Cell> ORDER = Comparator.comparing(Cell::week)
                .thenComparing(Cell::chapterId);

        @Override
        public int compareTo(Cell other) {
            return ORDER.compare(this, other);
        }
    }

    private static final class Tally {
        final List<Fact> questions = new ArrayList<>();
        final Set<String> active = new HashSet<>();
        int stories;
    }
}
