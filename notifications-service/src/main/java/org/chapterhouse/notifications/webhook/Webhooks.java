package org.chapterhouse.notifications.webhook;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.chapterhouse.notifications.inbound.members.MemberData;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Chapters' webhooks. A webhook belongs to its chapter, not to the lead who registered it: when that lead is erased
 * it keeps working and only loses {@code createdBy}.
 */
@Service
class Webhooks implements MemberData {

    static final String COLLECTION = "webhooks";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final MongoTemplate mongo;
    private final Clock clock;

    Webhooks(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("chapterId", Sort.Direction.ASC).named("chapter"));
    }

    @Document(COLLECTION)
    record Webhook(String id, String chapterId, String url, String description, String secret, String createdBy,
                   Instant createdAt, boolean active, int consecutiveFailures, Instant disabledAt,
                   Instant lastSuccessAt) {
    }

    Webhook register(String chapterId, String url, String description, String createdBy) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return mongo.insert(new Webhook(UUID.randomUUID().toString(), chapterId, url, description, secret, createdBy,
                clock.instant(), true, 0, null, null));
    }

    long countOf(String chapterId) {
        return mongo.count(Query.query(Criteria.where("chapterId").is(chapterId)), Webhook.class);
    }

    List<Webhook> ofChapter(String chapterId) {
        return mongo.find(Query.query(Criteria.where("chapterId").is(chapterId))
                .with(Sort.by("createdAt")), Webhook.class);
    }

    List<Webhook> activeOf(String chapterId) {
        return mongo.find(Query.query(Criteria.where("chapterId").is(chapterId).and("active").is(true)),
                Webhook.class);
    }

    Webhook find(String id) {
        return mongo.findById(id, Webhook.class);
    }

    void delete(String id) {
        mongo.remove(Query.query(Criteria.where("_id").is(id)), Webhook.class);
    }

    void succeeded(String id) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("consecutiveFailures", 0)
                .set("lastSuccessAt", clock.instant()), Webhook.class);
    }

    /** Counts a failed attempt; true if this failure disabled the webhook (exactly once). */
    boolean failed(String id, int maxConsecutiveFailures) {
        Webhook after = mongo.findAndModify(Query.query(Criteria.where("_id").is(id)),
                new Update().inc("consecutiveFailures", 1), FindAndModifyOptions.options().returnNew(true),
                Webhook.class);
        if (after == null || after.consecutiveFailures() < maxConsecutiveFailures) {
            return false;
        }
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("active").is(true)),
                new Update().set("active", false).set("disabledAt", clock.instant()), Webhook.class)
                .getModifiedCount() == 1;
    }

    void reactivate(String id) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("active", true)
                .set("consecutiveFailures", 0).set("disabledAt", null), Webhook.class);
    }

    @Override
    public void erase(String memberId) {
        mongo.updateMulti(Query.query(Criteria.where("createdBy").is(memberId)), new Update().set("createdBy", null),
                Webhook.class);
    }
}
