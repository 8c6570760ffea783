package org.chapterhouse.analytics.figures;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.chapterhouse.analytics.facts.Fact;
import org.chapterhouse.analytics.facts.FactStore;
import org.chapterhouse.analytics.facts.FactType;
import org.springframework.stereotype.Service;

/** Fetches the facts a figure needs with plain finds and computes it in Java. */
@Service
class Figures {

    private final FactStore facts;

    Figures(FactStore facts) {
        this.facts = facts;
    }

    List<WeeklyFigure> weekly(String chapterId, Week from, Week to) {
        List<Fact> inRange = facts.ofTypesBetween(
                EnumSet.of(FactType.QUESTION_POSTED, FactType.ANSWER_POSTED, FactType.STORY_SHARED), chapterId,
                from == null ? null : from.start(), to == null ? null : to.end());
        Set<String> questionIds = new HashSet<>();
        inRange.stream().filter(f -> f.type() == FactType.QUESTION_POSTED).forEach(f -> questionIds.add(f.questionId()));
        List<Fact> all = new ArrayList<>(inRange);
        // the answers and acceptances of those questions, whenever they came (a late answer still answers)
        all.addAll(facts.ofTypesAboutQuestions(EnumSet.of(FactType.ANSWER_POSTED, FactType.ANSWER_ACCEPTED),
                questionIds));
        return WeeklyFigures.compute(all, chapterId, from, to);
    }

    List<Leader> leaders(int limit) {
        List<Fact> acceptances = facts.ofTypesBetween(
                EnumSet.of(FactType.ANSWER_ACCEPTED, FactType.ANSWER_UNACCEPTED), null, null, null);
        List<Fact> all = new ArrayList<>(acceptances);
        all.addAll(facts.ofTypesAboutMembers(EnumSet.of(FactType.MEMBER_REGISTERED, FactType.MEMBER_JOINED_CHAPTER,
                FactType.MEMBER_ERASED), Leaders.answerers(acceptances)));
        return Leaders.rank(all, limit);
    }
}
