package org.chapterhouse.discussions.question;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.chapterhouse.discussions.events.Visibility;
import org.chapterhouse.support.outbox.OutboxEntry;
import org.chapterhouse.support.security.Caller;
import org.chapterhouse.support.web.PageQuery;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** The questions collection; every change and its event are one atomic single-document update. */
@Repository
class Questions {

    static final String COLLECTION = "questions";
    static final int MAX_ANSWERS = 200;
    static final int MAX_REVISIONS = 50;

    private final MongoTemplate mongo;

    Questions(MongoTemplate mongo) {
        this.mongo = mongo;
        var indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index().on("authorId", Sort.Direction.ASC).named("author"));
        indexes.createIndex(new Index().on("answers.answerId", Sort.Direction.ASC).named("answer_id"));
        // lists, searches and tag counts are answered by the search index; the store is asked by id, by author (for
        // erasure) and by change time (for the index's catch-up)
        indexes.createIndex(new Index().on("changedAt", Sort.Direction.ASC).named("changed"));
        indexes.createIndex(new Index().on("answers.authorId", Sort.Direction.ASC).named("answer_author"));
    }

    void insert(Question question) {
        mongo.insert(question);
    }

    Optional<Question> byId(String id) {
        return Optional.ofNullable(mongo.findById(id, Question.class));
    }

    /** The id of the question holding the answer, if there is one. */
    Optional<String> questionOfAnswer(String answerId) {
        Query byAnswer = Query.query(Criteria.where("answers.answerId").is(answerId));
        byAnswer.fields().include("_id");
        return Optional.ofNullable(mongo.findOne(byAnswer, org.bson.Document.class, COLLECTION))
                .map(d -> d.getString("_id"));
    }

    /** Appends an answer and its event unless the question is full; the updated question, or empty. */
    Optional<Question> addAnswer(String questionId, Answer answer, OutboxEntry event) {
        Query q = Query.query(Criteria.where("_id").is(questionId).and("answerCount").lt(MAX_ANSWERS));
        Update u = new Update().push("answers", answer).inc("answerCount", 1)
                .set("lastActivityAt", answer.createdAt()).set("changedAt", answer.createdAt())
                .push(OutboxEntry.FIELD, event);
        return Optional.ofNullable(mongo.findAndModify(q, u, FindAndModifyOptions.options().returnNew(true),
                Question.class));
    }

    /**
     * Accepts {@code answerId} if the accepted answer is still {@code expectedCurrent} (compare-and-set, so two
     * concurrent accepts cannot both win) and the answer exists. False if the question changed meanwhile.
     */
    boolean accept(String questionId, String expectedCurrent, String answerId, Instant at, OutboxEntry event) {
        Query q = Query.query(Criteria.where("_id").is(questionId).and("acceptedAnswerId").is(expectedCurrent)
                .and("answers.answerId").is(answerId));
        Update u = new Update().set("acceptedAnswerId", answerId).set("lastActivityAt", at).set("changedAt", at)
                .push(OutboxEntry.FIELD, event);
        return mongo.updateFirst(q, u, Question.class).getModifiedCount() == 1;
    }

    /** Withdraws the acceptance of {@code expectedCurrent} (compare-and-set); false if it changed meanwhile. */
    boolean unaccept(String questionId, String expectedCurrent, Instant at, OutboxEntry event) {
        Query q = Query.query(Criteria.where("_id").is(questionId).and("acceptedAnswerId").is(expectedCurrent));
        Update u = new Update().set("acceptedAnswerId", null).set("changedAt", at).push(OutboxEntry.FIELD, event);
        return mongo.updateFirst(q, u, Question.class).getModifiedCount() == 1;
    }

    /**
     * Edits the body of the answer at {@code index} if it is still that answer at {@code expectedRevision}; the
     * earlier body is kept in the answer's history. False if it changed meanwhile.
     */
    boolean editAnswer(String questionId, int index, Answer current, int expectedRevision, String body,
                       String editedBy, Instant at) {
        if (current.revision() != expectedRevision) {
            return false;
        }
        String a = "answers." + index + ".";
        Criteria atRevision = expectedRevision == 0 ? Criteria.where(a + "revision").in(0, null)
                : Criteria.where(a + "revision").is(expectedRevision);
        Query q = Query.query(Criteria.where("_id").is(questionId).and(a + "answerId").is(current.answerId()))
                .addCriteria(atRevision);
        Update u = new Update().set(a + "body", body).inc(a + "revision", 1).set(a + "editedAt", at)
                .set("changedAt", at).push(a + "revisions").slice(-MAX_REVISIONS)
                .each(new Answer.Revision(current.revision(), current.body(), editedBy, at));
        return mongo.updateFirst(q, u, Question.class).getModifiedCount() == 1;
    }

    /**
     * Records a member's flag on the question ({@code prefix ""}) or on the answer at {@code answers.N.} with its
     * event, once per member: false if this member had already flagged the post.
     */
    boolean flag(Criteria post, String prefix, String flagger, String reason, Instant at, OutboxEntry event) {
        Query notYet = Query.query(post.and(prefix + "flags." + flagger).is(null));
        Update u = new Update().set(prefix + "flags." + flagger, reason).inc(prefix + "flagCount", 1)
                .set("changedAt", at).push(OutboxEntry.FIELD, event);
        return mongo.updateFirst(notYet, u, Question.class).getModifiedCount() == 1;
    }

    /** Hides or restores the question ({@code prefix ""}) or the answer at {@code answers.N.}; restoring clears flags. */
    boolean moderate(Criteria post, String prefix, Question.Moderation decision) {
        Update u = new Update().set(prefix + "moderation", decision).set("changedAt", decision.at());
        if (!decision.hidden()) {
            u.unset(prefix + "flags").set(prefix + "flagCount", 0);
        }
        return mongo.updateFirst(Query.query(post), u, Question.class).getModifiedCount() == 1;
    }

    /** Replaces an erased member's name on their questions and answers; the ids of the changed questions. */
    List<String> anonymise(String memberId, String replacement, Instant at) {
        Query asked = Query.query(Criteria.where("authorId").is(memberId));
        List<String> changed = new ArrayList<>();
        Query ids = Query.of(asked);
        ids.fields().include("_id");
        mongo.find(ids, org.bson.Document.class, COLLECTION).forEach(d -> changed.add(d.getString("_id")));
        mongo.updateMulti(asked, new Update().set("authorName", replacement).set("changedAt", at), Question.class);
        Query answered = Query.query(Criteria.where("answers.authorId").is(memberId));
        for (Question q : mongo.find(answered, Question.class)) {
            for (int i = 0; i < q.answers().size(); i++) {
                if (memberId.equals(q.answers().get(i).authorId())) {
                    String a = "answers." + i + ".";
                    mongo.updateFirst(Query.query(Criteria.where("_id").is(q.id()).and(a + "authorId").is(memberId)),
                            new Update().set(a + "authorName", replacement).set("changedAt", at), Question.class);
                }
            }
            changed.add(q.id());
        }
        return changed;
    }

    /** Marks a question changed (for the search index) without changing what it says, e.g. after a vote. */
    void touch(String questionId, Instant at) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(questionId)), new Update().set("changedAt", at),
                Question.class);
    }

    /** Compare-and-set on the revision: the edit and the kept earlier state are one atomic update. */
    boolean edit(Question current, int expectedRevision, String title, String body, List<String> tags,
                 String editedBy, Instant at) {
        if (current.revision() != expectedRevision) {
            return false;
        }
        String id = current.id();
        Criteria atRevision = expectedRevision == 0 ? Criteria.where("revision").in(0, null)
                : Criteria.where("revision").is(expectedRevision);
        Update u = new Update().inc("revision", 1).set("lastActivityAt", at).set("changedAt", at)
                .push("revisions").slice(-MAX_REVISIONS).each(new Question.Revision(current.revision(),
                        current.title(), current.body(), current.tags(), editedBy, at));
        if (title != null) {
            u.set("title", title);
        }
        if (body != null) {
            u.set("body", body);
        }
        if (tags != null) {
            u.set("tags", tags);
        }
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id)).addCriteria(atRevision), u, Question.class)
                .getModifiedCount() == 1;
    }

    long count() {
        return mongo.count(new Query(), Question.class);
    }
}
