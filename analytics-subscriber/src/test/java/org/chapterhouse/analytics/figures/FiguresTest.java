package org.chapterhouse.analytics.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.chapterhouse.analytics.facts.Fact;
import org.chapterhouse.analytics.web.BadQuery;
import org.junit.jupiter.api.Test;

/** The figure computation on hand-made facts: no broker, no store. */
class FiguresTest {

    static final String RIVER = "riverside";
    static final String HILL = "hillside";
    static final String HARBOR = "harbor";

    final AtomicInteger ids = new AtomicInteger();

    String id() {
        return "e" + ids.incrementAndGet();
    }

    static Instant t(String time) {
        return Instant.parse(time);
    }

    Fact question(String chapter, String questionId, String author, String time) {
        return Fact.questionPosted(id(), t(time), chapter, questionId, author);
    }

    Fact answer(String chapter, String questionId, String answerId, String author, String time) {
        return Fact.answerPosted(id(), t(time), chapter, questionId, answerId, author, null);
    }

    Fact accepted(String chapter, String questionId, String answerId, String answerer, String time) {
        return Fact.answerAccepted(id(), t(time), chapter, questionId, answerId, answerer, "asker", "asker");
    }

    static WeeklyFigure only(List<WeeklyFigure> rows) {
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    // --- medians -----------------------------------------------------------------------------------------------

    @Test
    void takesTheMiddleDurationWhenTheCountIsOdd() {
        assertThat(WeeklyFigures.medianSeconds(List.of(31_000L, 1_200_000L, 600_000L))).isEqualTo(600.0);
    }

    @Test
    void averagesTheTwoMiddleDurationsWhenTheCountIsEven() {
        assertThat(WeeklyFigures.medianSeconds(List.of(7_200_000L, 3_600_000L))).isEqualTo(5400.0);
        assertThat(WeeklyFigures.medianSeconds(List.of(1_000L, 2_000L, 4_001L, 100_000L))).isEqualTo(3.001);
        assertThat(WeeklyFigures.medianSeconds(List.of(1L, 2L))).isEqualTo(0.002); // 1.5 ms, half up
    }

    @Test
    void hasNoMedianWithoutDurations() {
        assertThat(WeeklyFigures.medianSeconds(List.of())).isNull();
    }

    @Test
    void measuresFromTheQuestionToItsEarliestAnswerAndFirstAcceptanceWhateverTheOrderOfTheFacts() {
        List<Fact> facts = List.of(
                answer(RIVER, "q1", "late", "b", "2026-12-01T11:00:00Z"),
                accepted(RIVER, "q1", "late", "b", "2026-12-01T13:00:00Z"),
                accepted(RIVER, "q1", "early", "c", "2026-12-01T12:00:00Z"),
                answer(RIVER, "q1", "early", "c", "2026-12-01T10:10:00Z"),
                question(RIVER, "q1", "a", "2026-12-01T10:00:00Z"));
        WeeklyFigure row = only(WeeklyFigures.compute(facts, null, null, null));
        assertThat(row.medianTimeToFirstAnswerSeconds()).isEqualTo(600.0);
        assertThat(row.medianTimeToAcceptedAnswerSeconds()).isEqualTo(7200.0);
    }

    @Test
    void takesTheMediansOverTheWeeksQuestionsAndLeavesThemNullWhenNoneIsAnswered() {
        List<Fact> facts = new ArrayList<>(List.of(
                question(RIVER, "q1", "a", "2026-12-01T10:00:00Z"),
                answer(RIVER, "q1", "x", "b", "2026-12-01T10:10:00Z"),          // 600 s
                accepted(RIVER, "q1", "x", "b", "2026-12-01T12:00:00Z"),        // 7200 s
                question(RIVER, "q2", "b", "2026-12-02T09:00:00Z"),
                answer(RIVER, "q2", "y", "a", "2026-12-02T09:20:00Z"),          // 1200 s
                accepted(RIVER, "q2", "y", "a", "2026-12-02T10:00:00Z"),        // 3600 s
                question(RIVER, "q3", "a", "2026-12-03T15:00:00Z"),             // never answered
                question(RIVER, "q4", "b", "2026-12-06T23:59:59Z"),
                answer(RIVER, "q4", "z", "a", "2026-12-07T00:00:30Z"),          // 31 s, next week
                question(HILL, "q5", "h", "2026-12-02T09:00:00Z")));            // HILL: nothing answered
        List<WeeklyFigure> rows = WeeklyFigures.compute(facts, null, Week.parse("from", "2026-W49"),
                Week.parse("to", "2026-W49"));
        assertThat(rows).containsExactly(
                new WeeklyFigure(HILL, "2026-W49", 1, 0.0, null, null, 1, 0),
                new WeeklyFigure(RIVER, "2026-W49", 4, 0.75, 600.0, 5400.0, 2, 0));
    }

    @Test
    void roundsTheShareAnsweredToThreeDecimals() {
        List<Fact> facts = List.of(
                question(RIVER, "q1", "a", "2026-12-01T10:00:00Z"),
                question(RIVER, "q2", "a", "2026-12-01T10:00:00Z"),
                question(RIVER, "q3", "a", "2026-12-01T10:00:00Z"),
                answer(RIVER, "q1", "x", "b", "2026-12-01T10:00:01Z"),
                answer(RIVER, "q2", "y", "b", "2026-12-01T10:00:01Z"));
        assertThat(only(WeeklyFigures.compute(facts, null, null, null)).shareAnswered()).isEqualTo(0.667);
    }

    // --- weeks -------------------------------------------------------------------------------------------------

    @Test
    void putsSundayJustBeforeMidnightUtcAndMondayMidnightInDifferentWeeks() {
        assertThat(Week.of(t("2026-12-06T23:59:59.999Z"))).hasToString("2026-W49");
        assertThat(Week.of(t("2026-12-07T00:00:00Z"))).hasToString("2026-W50");
        assertThat(Week.of(t("2026-11-30T00:00:00Z"))).hasToString("2026-W49");
    }

    @Test
    void usesIsoWeekBasedYearsAcrossNewYear() {
        assertThat(Week.of(t("2027-01-01T12:00:00Z"))).hasToString("2026-W53");
        assertThat(Week.of(t("2027-01-04T00:00:00Z"))).hasToString("2027-W01");
        assertThat(Week.of(t("2025-12-29T00:00:00Z"))).hasToString("2026-W01");
        assertThat(Week.parse("from", "2026-W01").start()).isEqualTo(t("2025-12-29T00:00:00Z"));
        assertThat(Week.parse("to", "2026-W53").end()).isEqualTo(t("2027-01-04T00:00:00Z"));
    }

    @Test
    void countsEachFactInTheWeekOfItsOwnEventTime() {
        List<Fact> facts = List.of(
                question(RIVER, "q1", "asker", "2026-12-06T23:59:59Z"),
                answer(RIVER, "q1", "x", "helper", "2026-12-07T00:00:30Z"),
                Fact.storyShared(id(), t("2026-12-07T00:00:00Z"), RIVER, "asker"));
        assertThat(WeeklyFigures.compute(facts, null, null, null)).containsExactly(
                new WeeklyFigure(RIVER, "2026-W49", 1, 1.0, 31.0, null, 1, 0),
                new WeeklyFigure(RIVER, "2026-W50", 0, null, null, null, 1, 1));
    }

    @Test
    void keepsToTheRequestedChapterAndWeeks() {
        List<Fact> facts = List.of(
                question(RIVER, "q1", "a", "2026-11-29T10:00:00Z"),   // W48
                question(RIVER, "q2", "a", "2026-12-01T10:00:00Z"),   // W49
                question(HILL, "q3", "h", "2026-12-01T10:00:00Z"),    // W49, other chapter
                question(RIVER, "q4", "a", "2026-12-14T10:00:00Z"));  // W51
        assertThat(WeeklyFigures.compute(facts, RIVER, Week.parse("from", "2026-W49"), Week.parse("to", "2026-W50")))
                .containsExactly(new WeeklyFigure(RIVER, "2026-W49", 1, 0.0, null, null, 1, 0));
    }

    @Test
    void countsDistinctMembersWhoAskedOrAnswered() {
        List<Fact> facts = List.of(
                question(RIVER, "q1", "ada", "2026-12-01T10:00:00Z"),
                question(RIVER, "q2", "ada", "2026-12-01T11:00:00Z"),
                answer(RIVER, "q1", "x", "tomas", "2026-12-01T12:00:00Z"),
                answer(RIVER, "q2", "y", "tomas", "2026-12-01T12:00:00Z"),
                answer(RIVER, "q2", "z", "ada", "2026-12-01T12:30:00Z"),
                answer(HILL, "q9", "w", "omar", "2026-12-01T12:30:00Z"));
        assertThat(WeeklyFigures.compute(facts, RIVER, null, null).get(0).activeVolunteers()).isEqualTo(2);
    }

    @Test
    void givesTheSameFiguresWhenEveryFactIsThereTwice() {
        List<Fact> facts = List.of(
                question(RIVER, "q1", "a", "2026-12-01T10:00:00Z"),
                answer(RIVER, "q1", "x", "b", "2026-12-01T10:10:00Z"),
                Fact.storyShared(id(), t("2026-12-02T00:00:00Z"), RIVER, "a"));
        List<Fact> twice = new ArrayList<>(facts);
        twice.addAll(facts);
        assertThat(WeeklyFigures.compute(twice, null, null, null))
                .isEqualTo(WeeklyFigures.compute(facts, null, null, null))
                .containsExactly(new WeeklyFigure(RIVER, "2026-W49", 1, 1.0, 600.0, null, 2, 1));
    }

    @Test
    void rejectsWeeksThatAreNotIsoWeeks() {
        assertThatThrownBy(() -> Week.parse("from", "2026-49")).isInstanceOf(BadQuery.class);
        assertThatThrownBy(() -> Week.parse("from", "2026-W1")).isInstanceOf(BadQuery.class);
        assertThatThrownBy(() -> Week.parse("from", "2026-W00")).isInstanceOf(BadQuery.class);
        assertThatThrownBy(() -> Week.parse("from", "2025-W53")).isInstanceOf(BadQuery.class)
                .hasMessageContaining("weeks 1 to 52");
        assertThat(Week.parse("from", "2026-W53")).hasToString("2026-W53");
    }

    // --- leaders -----------------------------------------------------------------------------------------------

    Fact registered(String member, String home, String name) {
        return Fact.memberRegistered(id(), t("2026-09-01T00:00:00Z"), member, home, name);
    }

    Fact joined(String member, String chapter, String name) {
        return Fact.memberJoinedChapter(id(), t("2026-09-02T00:00:00Z"), member, chapter, name);
    }

    @Test
    void countsAnAcceptedAnswerOnlyInAChapterTheAnswererDoesNotBelongTo() {
        List<Fact> facts = List.of(
                registered("omar", HILL, "Omar"), joined("omar", HILL, "Omar"),
                registered("hana", HILL, "Hana"), joined("hana", RIVER, "Hana R."),
                accepted(RIVER, "q1", "a1", "omar", "2026-12-01T12:00:00Z"),   // omar helps RIVER: counts
                accepted(HILL, "q2", "a2", "omar", "2026-12-01T12:00:00Z"),    // his own chapter: no
                accepted(RIVER, "q3", "a3", "hana", "2026-12-01T12:00:00Z"),   // hana joined RIVER: no
                accepted(HILL, "q4", "a4", "hana", "2026-12-01T12:00:00Z"));   // her home chapter: no
        assertThat(Leaders.rank(facts, 10)).containsExactly(new Leader("omar", "Omar", 1, 1));
    }

    @Test
    void takesTheHomeChapterFromTheRegistrationAlone() {
        List<Fact> facts = List.of(
                registered("tomas", RIVER, "Tomás"),
                accepted(RIVER, "q1", "a1", "tomas", "2026-12-01T12:00:00Z"),
                accepted(HILL, "q2", "a2", "tomas", "2026-12-01T12:00:00Z"));
        assertThat(Leaders.rank(facts, 10)).containsExactly(new Leader("tomas", "Tomás", 1, 1));
    }

    @Test
    void ranksByAcceptedAnswersThenChaptersHelpedThenMemberId() {
        List<Fact> facts = List.of(
                registered("zoe", RIVER, null), joined("zoe", RIVER, "Zoe"),
                registered("ben", RIVER, "Ben"), registered("amy", RIVER, "Amy"), registered("cal", RIVER, "Cal"),
                // zoe: 2 answers in 2 chapters; ben: 2 in 1; amy and cal: 1 in 1
                accepted(HILL, "q1", "a1", "zoe", "2026-12-01T12:00:00Z"),
                accepted(HARBOR, "q2", "a2", "zoe", "2026-12-01T12:00:00Z"),
                accepted(HILL, "q3", "a3", "ben", "2026-12-01T12:00:00Z"),
                accepted(HILL, "q4", "a4", "ben", "2026-12-01T12:00:00Z"),
                accepted(HILL, "q5", "a5", "cal", "2026-12-01T12:00:00Z"),
                accepted(HILL, "q6", "a6", "amy", "2026-12-01T12:00:00Z"),
                accepted(HILL, "q7", "a7", "stranger", "2026-12-01T12:00:00Z"));
        assertThat(Leaders.rank(facts, 10)).containsExactly(
                new Leader("zoe", "Zoe", 2, 2),      // name from the join when the registration has none
                new Leader("ben", "Ben", 2, 1),
                new Leader("amy", "Amy", 1, 1),
                new Leader("cal", "Cal", 1, 1),
                new Leader("stranger", null, 1, 1)); // no member event: belongs nowhere, no name
        assertThat(Leaders.rank(facts, 2)).extracting(Leader::memberId).containsExactly("zoe", "ben");
    }

    @Test
    void creditsNobodyWhenTheLatestWordOnAQuestionIsAWithdrawnAcceptance() {
        List<Fact> facts = List.of(
                registered("omar", HILL, "Omar"),
                accepted(RIVER, "q1", "a1", "omar", "2026-12-01T12:00:00Z"),
                Fact.answerUnaccepted(id(), t("2026-12-01T13:00:00Z"), RIVER, "q1", "a1", "omar", "asker"),
                accepted(RIVER, "q2", "a2", "omar", "2026-12-01T12:00:00Z"),
                Fact.answerUnaccepted(id(), t("2026-12-01T13:00:00Z"), RIVER, "q2", "a2", "omar", "asker"),
                accepted(RIVER, "q2", "a2", "omar", "2026-12-01T14:00:00Z")); // accepted again afterwards
        assertThat(Leaders.rank(facts, 10)).containsExactly(new Leader("omar", "Omar", 1, 1));
    }

    @Test
    void neverRanksAnErasedMember() {
        List<Fact> facts = List.of(
                registered("omar", HILL, "Omar"), registered("mei", HARBOR, "Mei"),
                accepted(RIVER, "q1", "a1", "omar", "2026-12-01T12:00:00Z"),
                accepted(RIVER, "q2", "a2", "mei", "2026-12-01T12:00:00Z"),
                Fact.memberErased(id(), t("2026-12-02T00:00:00Z"), "omar", HILL));
        assertThat(Leaders.rank(facts, 10)).containsExactly(new Leader("mei", "Mei", 1, 1));
    }

    @Test
    void creditsOnlyTheCurrentAcceptedAnswerOfAQuestion() {
        List<Fact> facts = List.of(
                registered("omar", HILL, "Omar"), registered("mei", HARBOR, "Mei"),
                accepted(RIVER, "q1", "a1", "omar", "2026-12-01T12:00:00Z"),
                accepted(RIVER, "q1", "a2", "mei", "2026-12-01T13:00:00Z"),   // the asker changed their mind
                accepted(RIVER, "q2", "a3", "omar", "2026-12-01T12:00:00Z"),
                accepted(RIVER, "q2", "a3", "omar", "2026-12-01T14:00:00Z")); // accepted again: still one
        assertThat(Leaders.rank(facts, 10)).containsExactly(
                new Leader("mei", "Mei", 1, 1),
                new Leader("omar", "Omar", 1, 1));
    }
}
