package org.chapterhouse.notifications.subscription;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.chapterhouse.notifications.inbound.members.MemberData;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * What each member watches: questions, tags, chapters and (for NETWORK stories) the network. One document per
 * member ({@code _id} = memberId), so every change is a single-document atomic update. Asking or answering a question
 * watches it ({@code $addToSet}, idempotent).
 */
@Service
public class Subscriptions implements MemberData {

    static final String COLLECTION = "subscriptions";
    private final MongoTemplate mongo;

    Subscriptions(MongoTemplate mongo) {
        this.mongo = mongo;
        var indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index().on("questions", Sort.Direction.ASC).named("questions"));
        indexes.createIndex(new Index().on("tags", Sort.Direction.ASC).named("tags"));
        indexes.createIndex(new Index().on("chapters", Sort.Direction.ASC).named("chapters"));
    }

    public record Watching(List<String> questions, List<String> tags, List<String> chapters, boolean network) {
        static final Watching NOTHING = new Watching(List.of(), List.of(), List.of(), false);
    }

    Watching of(String memberId) {
        Document d = mongo.findById(memberId, Document.class, COLLECTION);
        if (d == null) {
            return Watching.NOTHING;
        }
        return new Watching(list(d, "questions"), list(d, "tags"), list(d, "chapters"),
                Boolean.TRUE.equals(d.getBoolean("network")));
    }

    void replace(String memberId, Watching w) {
        mongo.upsert(Query.query(Criteria.where("_id").is(memberId)), new Update().set("questions", w.questions())
                .set("tags", w.tags()).set("chapters", w.chapters()).set("network", w.network())
                .set("updatedAt", Instant.now()), COLLECTION);
    }

    /** The member now watches the question (idempotent). */
    public void watchQuestion(String memberId, String questionId) {
        if (memberId == null || questionId == null) {
            return;
        }
        mongo.upsert(Query.query(Criteria.where("_id").is(memberId)),
                new Update().addToSet("questions", questionId), COLLECTION);
    }

    public Set<String> watchersOfQuestion(String questionId) {
        return ids(Criteria.where("questions").is(questionId));
    }

    public Set<String> watchersOfAnyTag(Collection<String> tags) {
        return tags.isEmpty() ? Set.of() : ids(Criteria.where("tags").in(tags));
    }

    public Set<String> watchersOfChapter(String chapterId) {
        return ids(Criteria.where("chapters").is(chapterId));
    }

    public Set<String> watchersOfNetwork() {
        return ids(Criteria.where("network").is(true));
    }

    @Override
    public void erase(String memberId) {
        mongo.remove(Query.query(Criteria.where("_id").is(memberId)), COLLECTION);
    }

    private Set<String> ids(Criteria c) {
        Query q = Query.query(c);
        q.fields().include("_id");
        return mongo.find(q, Document.class, COLLECTION).stream().map(d -> d.getString("_id"))
                .collect(Collectors.toSet());
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Document d, String field) {
        Object v = d.get(field);
        return v instanceof List<?> l ? List.copyOf((List<String>) l) : List.of();
    }
}
