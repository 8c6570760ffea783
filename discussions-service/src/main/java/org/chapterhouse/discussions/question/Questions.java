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
        indexes.createIndex(new Index().on("chapterId", Sort.Direction.ASC).on("lastActivityAt", Sort.Direction.DESC)
                .named("chapter_activity"));
        indexes.createIndex(new Index().on("visibility", Sort.Direction.ASC).on("lastActivityAt", Sort.Direction.DESC)
                .named("visibility_activity"));
        indexes.createIndex(new Index().on("tags", Sort.Direction.ASC).on("lastActivityAt", Sort.Direction.DESC)
                .named("tag_activity"));
        indexes.createIndex(new Index().on("authorId", Sort.Direction.ASC).on("lastActivityAt", Sort.Direction.DESC)
                .named("author_activity"));
        indexes.createIndex(new Index().on("answers.answerId", Sort.Direction.ASC).named("answer_id"));
        indexes.createIndex(new Index().on("chapterId", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC)
                .named("chapter_newest"));
        indexes.createIndex(new Index().on("chapterId", Sort.Direction.ASC).on("score", Sort.Direction.DESC)
                .named("chapter_votes"));
    }

    void insert(Question question) {
        mongo.insert(question);
    }

    Optional<Question> byId(String id) {
        return Optional.ofNullable(mongo.findById(id, Question.class));
    }

    /** Appends an answer and its event unless the question is full; the updated question, or empty. */
    Optional<Question> addAnswer(String questionId, Answer answer, OutboxEntry event) {
        Query q = Query.query(Criteria.where("_id").is(questionId).and("answerCount").lt(MAX_ANSWERS));
        Update u = new Update().push("answers", answer).inc("answerCount", 1)
                .set("lastActivityAt", answer.createdAt()).push(OutboxEntry.FIELD, event);
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
        Update u = new Update().set("acceptedAnswerId", answerId).set("lastActivityAt", at)
                .push(OutboxEntry.FIELD, event);
        return mongo.updateFirst(q, u, Question.class).getModifiedCount() == 1;
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
        Update u = new Update().inc("revision", 1).set("lastActivityAt", at)
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

    record Filter(String chapterId, String tag, Boolean answered, String authorId) {
    }

    /** How a list is ordered: most recent activity (default), newest first, or best voted first. */
    enum Order {
        ACTIVITY("lastActivityAt"), NEWEST("createdAt"), VOTES("score");

        final String field;

        Order(String field) {
            this.field = field;
        }
    }

    Query visibleQuery(Caller caller, Filter filter) {
        List<Criteria> all = new ArrayList<>();
        if (!caller.isStaff()) {
            all.add(new Criteria().orOperator(Criteria.where("visibility").is(Visibility.NETWORK),
                    Criteria.where("chapterId").in(caller.chapterIds())));
        }
        if (filter.chapterId() != null) {
            all.add(Criteria.where("chapterId").is(filter.chapterId()));
        }
        if (filter.tag() != null) {
            all.add(Criteria.where("tags").is(filter.tag()));
        }
        if (filter.answered() != null) {
            all.add(filter.answered() ? Criteria.where("acceptedAnswerId").ne(null)
                    : Criteria.where("acceptedAnswerId").is(null));
        }
        if (filter.authorId() != null) {
            all.add(Criteria.where("authorId").is(filter.authorId()));
        }
        return all.isEmpty() ? new Query() : new Query(new Criteria().andOperator(all));
    }

    List<Question> list(Query query, Order order, PageQuery page) {
        Sort sort = order == Order.VOTES
                ? Sort.by(Sort.Order.desc("score"), Sort.Order.desc("lastActivityAt"), Sort.Order.asc("_id"))
                : Sort.by(Sort.Order.desc(order.field), Sort.Order.asc("_id"));
        Query q = Query.of(query).with(sort)
                .skip(page.offset()).limit(page.size());
        q.fields().exclude("answers", "body", "votes", "revisions", OutboxEntry.FIELD);
        return mongo.find(q, Question.class);
    }

    long count(Query query) {
        return mongo.count(Query.of(query), Question.class);
    }
}
