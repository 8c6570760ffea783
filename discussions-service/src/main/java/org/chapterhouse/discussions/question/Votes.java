package org.chapterhouse.discussions.question;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.chapterhouse.support.security.Caller;
import org.chapterhouse.support.web.ApiProblem;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * One vote per member per post, changeable. Each vote is kept in the post's own document beside the score, and a
 * vote is a compare-and-set of that member's entry with the matching {@code $inc} of the score: one atomic
 * single-document update, so concurrent votes never lose or double-count one (no transaction needed).
 */
@Service
class Votes {

    record Result(String id, int score, int myVote) {
    }

    private final MongoTemplate mongo;
    private final QuestionService questions;
    private final MeterRegistry meters;

    Votes(MongoTemplate mongo, QuestionService questions, MeterRegistry meters) {
        this.mongo = mongo;
        this.questions = questions;
        this.meters = meters;
    }

    /** A member id as a field name: {@code .} and {@code $} cannot appear in one (external issuers' ids might). */
    static String key(String memberId) {
        return memberId.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
    }

    Result onQuestion(Caller caller, String questionId, int value) {
        check(value);
        String voter = key(caller.memberId());
        for (int attempt = 0; attempt < 20; attempt++) {
            Question q = questions.get(caller, questionId);
            if (q.authorId().equals(caller.memberId())) {
                throw ApiProblem.forbidden("You cannot vote on your own question");
            }
            Integer old = q.votes().get(voter);
            if (old != null && old == value) {
                return new Result(questionId, q.score(), value);
            }
            if (compareAndSet(Criteria.where("_id").is(questionId), "", voter, old, value)) {
                meters.counter("discussions.vote.cast", "post", "question").increment();
                questions.reindexed(questionId);
                return new Result(questionId, q.score() + delta(old, value), value);
            }
        }
        throw ApiProblem.conflict("concurrent-modification", "Too many votes at once on this post; try again");
    }

    Result onAnswer(Caller caller, String answerId, int value) {
        check(value);
        String voter = key(caller.memberId());
        for (int attempt = 0; attempt < 20; attempt++) {
            QuestionService.Located at = questions.locate(caller, answerId);
            Answer a = at.answer();
            if (a.authorId().equals(caller.memberId())) {
                throw ApiProblem.forbidden("You cannot vote on your own answer");
            }
            Integer old = a.votes().get(voter);
            if (old != null && old == value) {
                return new Result(answerId, a.score(), value);
            }
            // answers are only ever appended, so the index is stable; the filter re-checks it anyway (no positional
            // operator: the local wire server cannot combine it with this filter)
            String prefix = "answers." + at.index();
            String questionId = at.question().id();
            if (compareAndSet(Criteria.where("_id").is(questionId).and(prefix + ".answerId").is(answerId),
                    prefix + ".", voter, old, value)) {
                meters.counter("discussions.vote.cast", "post", "answer").increment();
                return new Result(answerId, a.score() + delta(old, value), value);
            }
        }
        throw ApiProblem.conflict("concurrent-modification", "Too many votes at once on this post; try again");
    }

    /**
     * Sets the voter's entry under {@code prefix} ({@code ""} for the question, {@code "answers.N."} for an answer)
     * and moves the score beside it, if the entry is still {@code old}; false if someone changed it meanwhile.
     */
    private boolean compareAndSet(Criteria post, String prefix, String voter, Integer old, int value) {
        Query unchanged = Query.query(post.and(prefix + "votes." + voter).is(old));
        Update vote = new Update().set(prefix + "votes." + voter, value).inc(prefix + "score", delta(old, value))
                .set("changedAt", java.time.Instant.now());
        return mongo.updateFirst(unchanged, vote, Question.class).getModifiedCount() == 1;
    }

    private static int delta(Integer old, int value) {
        return value - (old == null ? 0 : old);
    }

    static int myVote(Map<String, Integer> votes, Caller caller) {
        return caller == null ? 0 : votes.getOrDefault(key(caller.memberId()), 0);
    }

    private static void check(int value) {
        if (value != 1 && value != -1) {
            throw ApiProblem.badRequest("invalid-vote", "value must be 1 or -1");
        }
    }
}
