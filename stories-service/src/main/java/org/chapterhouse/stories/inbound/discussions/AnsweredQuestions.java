package org.chapterhouse.stories.inbound.discussions;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * stories-service's own read model of discussions' questions, collection {@value #COLLECTION}: one document per
 * question, upserted by each event on single fields, so the two topics may arrive in any order and redelivery
 * changes nothing. Order within a topic is per question, so the last acceptance read is the current one.
 */
@Repository
public class AnsweredQuestions {

    static final String COLLECTION = "known_questions";

    private final MongoTemplate mongo;

    AnsweredQuestions(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<KnownQuestion> find(String questionId) {
        return Optional.ofNullable(mongo.findById(questionId, KnownQuestion.class));
    }

    void rememberQuestion(QuestionPosted q) {
        mongo.upsert(byId(q.questionId()), new Update().set("chapterId", q.chapterId()).set("authorId", q.authorId())
                .set("title", q.title()).set("tags", q.tags()).set("visibility", q.visibility()), KnownQuestion.class);
    }

    void rememberAcceptance(AnswerAccepted a, Instant at) {
        mongo.upsert(byId(a.questionId()), new Update().set("acceptedAnswerId", a.answerId())
                .set("answerAuthorId", a.answerAuthorId()).set("acceptedAt", at)
                .setOnInsert("chapterId", a.chapterId()).setOnInsert("authorId", a.questionAuthorId())
                .setOnInsert("visibility", a.visibility()), KnownQuestion.class);
    }

    private static Query byId(String questionId) {
        return Query.query(Criteria.where("_id").is(questionId));
    }
}
