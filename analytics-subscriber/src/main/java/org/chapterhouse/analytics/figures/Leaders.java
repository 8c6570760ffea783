package org.chapterhouse.analytics.figures;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chapterhouse.analytics.facts.Fact;
import org.chapterhouse.analytics.facts.FactType;

/**
 * Leader-spotting, computed from facts alone: members whose accepted answers help chapters they do not belong to.
 * <ul>
 *   <li>A question counts once, for its current accepted answer: the latest AnswerAccepted of the question (by event
 *       time, then event id). When the asker changes the accepted answer, the credit moves with it; when the latest
 *       is an AnswerUnaccepted, the question counts for nobody.</li>
 *   <li>An erased member (MemberErased) is never ranked.</li>
 *   <li>It counts for the answer's author if the question's chapter is not one of theirs. A member's chapters are
 *       every chapter a MemberJoinedChapter names for them plus the home chapter of their MemberRegistered. A member
 *       no member event names belongs to no chapter here.</li>
 *   <li>Ranked by accepted answers in other chapters, then chapters helped (both descending), then member id.</li>
 * </ul>
 */
final class Leaders {

    private static final Comparator<Leader> RANK = Comparator
            .comparingInt(Leader::acceptedAnswersInOtherChapters).reversed()
            .thenComparing(Comparator.comparingInt(Leader::chaptersHelped).reversed())
            .thenComparing(Leader::memberId);

    private Leaders() {
    }

    /** The top {@code limit} leaders from acceptances and member facts (other facts are ignored). */
    static List<Leader> rank(Collection<Fact> facts, int limit) {
        Map<String, Fact> currentAcceptance = new HashMap<>();
        Map<String, Set<String>> chaptersOf = new HashMap<>();
        Map<String, Fact> registration = new HashMap<>();
        Map<String, Fact> latestJoin = new HashMap<>();
        Set<String> erased = new HashSet<>();
        for (Fact f : facts) {
            switch (f.type()) {
                case ANSWER_ACCEPTED, ANSWER_UNACCEPTED -> currentAcceptance.merge(f.questionId(), f, Leaders::later);
                case MEMBER_ERASED -> erased.add(f.memberId());
                case MEMBER_JOINED_CHAPTER -> {
                    chaptersOf.computeIfAbsent(f.memberId(), m -> new HashSet<>()).add(f.chapterId());
                    latestJoin.merge(f.memberId(), f, Leaders::later);
                }
                case MEMBER_REGISTERED -> {
                    if (f.homeChapterId() != null) {
                        chaptersOf.computeIfAbsent(f.memberId(), m -> new HashSet<>()).add(f.homeChapterId());
                    }
                    registration.merge(f.memberId(), f, Leaders::later);
                }
                default -> { }
            }
        }

        Map<String, Integer> accepted = new HashMap<>();
        Map<String, Set<String>> helped = new HashMap<>();
        for (Fact a : currentAcceptance.values()) {
            String answerer = a.answerAuthorId();
            String chapter = a.chapterId();
            if (a.type() == FactType.ANSWER_UNACCEPTED || erased.contains(answerer)) {
                continue;
            }
            if (answerer == null || chapter == null || chaptersOf.getOrDefault(answerer, Set.of()).contains(chapter)) {
                continue;
            }
            accepted.merge(answerer, 1, Integer::sum);
            helped.computeIfAbsent(answerer, m -> new HashSet<>()).add(chapter);
        }

        List<Leader> leaders = new ArrayList<>();
        accepted.forEach((member, count) -> leaders.add(new Leader(member,
                displayName(registration.get(member), latestJoin.get(member)), count, helped.get(member).size())));
        leaders.sort(RANK);
        return leaders.subList(0, Math.min(limit, leaders.size()));
    }

    /** The answerers of the current acceptances among {@code acceptances}: whose member facts are needed. */
    static Set<String> answerers(Collection<Fact> acceptances) {
        Set<String> out = new HashSet<>();
        acceptances.stream().filter(f -> f.answerAuthorId() != null)
                .forEach(f -> out.add(f.answerAuthorId()));
        return out;
    }

    private static String displayName(Fact registered, Fact joined) {
        if (registered != null && registered.displayName() != null) {
            return registered.displayName();
        }
        return joined == null ? null : joined.displayName();
    }

    private static Fact later(Fact a, Fact b) {
        int c = a.time().compareTo(b.time());
        return (c != 0 ? c > 0 : a.id().compareTo(b.id()) >= 0) ? a : b;
    }
}
