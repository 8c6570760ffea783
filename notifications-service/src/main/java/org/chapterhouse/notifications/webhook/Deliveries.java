package org.chapterhouse.notifications.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.chapterhouse.notifications.inbound.members.MemberData;
import org.chapterhouse.support.web.PageQuery;
import org.chapterhouse.support.web.PageResponse;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The persisted delivery queue and log of webhooks: one document per (webhook, event), id derived from both, created
 * with {@code $setOnInsert} (a redelivered event queues nothing new). A worker claims a due delivery by moving its
 * lease forward (compare-and-set), so one instance attempts it at a time; every attempt is appended to its log.
 */
@Component
class Deliveries implements MemberData {

    static final String COLLECTION = "webhook_deliveries";
    static final String PENDING = "PENDING";
    static final String DELIVERED = "DELIVERED";
    static final String FAILED = "FAILED";
    static final String ABANDONED = "ABANDONED";

    private final MongoTemplate mongo;
    private final Clock clock;

    Deliveries(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        var indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index().on("status", Sort.Direction.ASC).on("nextAttemptAt", Sort.Direction.ASC)
                .named("due"));
        indexes.createIndex(new Index().on("webhookId", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC)
                .named("webhook_log"));
    }

    record Attempt(Instant at, Integer status, String error, long millis) {
    }

    @Document(COLLECTION)
    record Delivery(String id, String webhookId, String chapterId, String eventId, String type, String body,
                    String status, int attempts, Instant nextAttemptAt, Instant leaseUntil, Instant createdAt,
                    Instant deliveredAt, List<Attempt> log) {
    }

    void enqueue(String webhookId, String chapterId, String eventId, String type, String body) {
        String id = UUID.nameUUIDFromBytes((webhookId + "/" + eventId).getBytes(StandardCharsets.UTF_8)).toString();
        Instant now = clock.instant();
        mongo.upsert(Query.query(Criteria.where("_id").is(id)), new Update().setOnInsert("webhookId", webhookId)
                .setOnInsert("chapterId", chapterId).setOnInsert("eventId", eventId).setOnInsert("type", type)
                .setOnInsert("body", body).setOnInsert("status", PENDING).setOnInsert("attempts", 0)
                .setOnInsert("nextAttemptAt", now).setOnInsert("leaseUntil", Instant.EPOCH)
                .setOnInsert("createdAt", now).setOnInsert("log", List.of()), COLLECTION);
    }

    /** Claims one due delivery for {@code lease}, or null. */
    Delivery claimDue(Duration lease) {
        Instant now = clock.instant();
        return mongo.findAndModify(Query.query(Criteria.where("status").is(PENDING).and("nextAttemptAt").lte(now)
                        .and("leaseUntil").lte(now)).with(Sort.by("nextAttemptAt")),
                new Update().set("leaseUntil", now.plus(lease)), FindAndModifyOptions.options().returnNew(true),
                Delivery.class);
    }

    void delivered(Delivery d, Attempt a) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(d.id())), new Update().set("status", DELIVERED)
                .inc("attempts", 1).set("deliveredAt", a.at()).push("log", a), COLLECTION);
    }

    void failed(Delivery d, Attempt a, Instant nextAttemptAt) {
        Update u = new Update().inc("attempts", 1).push("log", a).set("leaseUntil", Instant.EPOCH);
        if (nextAttemptAt == null) {
            u.set("status", FAILED);
        } else {
            u.set("nextAttemptAt", nextAttemptAt);
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(d.id())), u, COLLECTION);
    }

    void abandon(String webhookId) {
        mongo.updateMulti(Query.query(Criteria.where("webhookId").is(webhookId).and("status").is(PENDING)),
                new Update().set("status", ABANDONED), COLLECTION);
    }

    void abandonOne(String id) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("status", ABANDONED),
                COLLECTION);
    }

    void deleteOf(String webhookId) {
        mongo.remove(Query.query(Criteria.where("webhookId").is(webhookId)), COLLECTION);
    }

    /** Deliveries whose event names the erased member leave the log (and, if still pending, are not sent). */
    @Override
    public void erase(String memberId) {
        mongo.remove(Query.query(Criteria.where("body").regex(Pattern.quote(memberId))), COLLECTION);
    }

    PageResponse<Delivery> of(String webhookId, PageQuery page) {
        Query q = Query.query(Criteria.where("webhookId").is(webhookId));
        long total = mongo.count(q, Delivery.class);
        List<Delivery> items = mongo.find(Query.of(q).with(Sort.by(Sort.Order.desc("createdAt"),
                Sort.Order.asc("_id"))).skip(page.offset()).limit(page.size()), Delivery.class);
        return PageResponse.of(items, page, total);
    }
}
