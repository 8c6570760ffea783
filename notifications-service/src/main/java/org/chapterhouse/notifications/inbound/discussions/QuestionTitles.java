package org.chapterhouse.notifications.inbound.discussions;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The titles of questions, from QuestionPosted, so notifications about answers can name the question. */
@Component
class QuestionTitles {

    private static final String COLLECTION = "question_titles";
    private final MongoTemplate mongo;

    QuestionTitles(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void record(QuestionPosted q) {
        mongo.upsert(Query.query(Criteria.where("_id").is(q.questionId())),
                new Update().set("title", q.title()).set("chapterId", q.chapterId()), COLLECTION);
    }

    String title(String questionId) {
        Document d = mongo.findById(questionId, Document.class, COLLECTION);
        return d == null ? null : d.getString("title");
    }
}
