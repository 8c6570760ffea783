package org.chapterhouse.notifications.inbound.discussions;

import org.bson.Document;
import org.chapterhouse.notifications.inbound.members.MemberData;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The question read model, from QuestionPosted: title, chapter, visibility and asker, so that notifications about
 * answers can name the question and be checked against its visibility. Its watchers are in the subscriptions.
 */
@Component
class Questions implements MemberData {

    static final String COLLECTION = "questions";
    private final MongoTemplate mongo;

    Questions(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    record KnownQuestion(String id, String title, String chapterId, String visibility, String authorId) {
    }

    void record(QuestionPosted q) {
        mongo.upsert(Query.query(Criteria.where("_id").is(q.questionId())),
                new Update().set("title", q.title()).set("chapterId", q.chapterId())
                        .set("visibility", q.visibility()).set("authorId", q.authorId()), COLLECTION);
    }

    KnownQuestion find(String questionId) {
        Document d = mongo.findById(questionId, Document.class, COLLECTION);
        return d == null ? null : new KnownQuestion(questionId, d.getString("title"), d.getString("chapterId"),
                d.getString("visibility"), d.getString("authorId"));
    }

    @Override
    public void erase(String memberId) {
        mongo.updateMulti(Query.query(Criteria.where("authorId").is(memberId)), new Update().set("authorId", null),
                COLLECTION);
    }
}
