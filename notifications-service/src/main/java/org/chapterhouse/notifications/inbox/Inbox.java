package org.chapterhouse.notifications.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.chapterhouse.support.web.PageQuery;
import org.chapterhouse.support.web.PageResponse;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** Members' inboxes. Delivering the same event twice leaves one notification per recipient. */
@Service
public class Inbox {

    static final String COLLECTION = "notifications";

    private final MongoTemplate mongo;
    private final MeterRegistry meters;

    Inbox(MongoTemplate mongo, MeterRegistry meters) {
        this.mongo = mongo;
        this.meters = meters;
        var indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index().on("recipientId", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC)
                .named("recipient_created"));
        indexes.createIndex(new Index().on("recipientId", Sort.Direction.ASC).on("readAt", Sort.Direction.ASC)
                .named("recipient_unread"));
    }

    /** Idempotent: the id of each notification is derived from (event id, recipient), written with upserts. */
    public void deliver(String eventId, List<String> recipients, NewNotification n) {
        if (recipients.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        Instant now = Instant.now();
        for (String recipient : recipients) {
            String id = UUID.nameUUIDFromBytes((eventId + "/" + recipient).getBytes(StandardCharsets.UTF_8))
                    .toString();
            Update insertOnly = new Update().setOnInsert("recipientId", recipient).setOnInsert("kind", n.kind())
                    .setOnInsert("chapterId", n.chapterId()).setOnInsert("questionId", n.questionId())
                    .setOnInsert("answerId", n.answerId()).setOnInsert("title", n.title())
                    .setOnInsert("actorId", n.actorId()).setOnInsert("eventId", eventId)
                    .setOnInsert("createdAt", now).setOnInsert("readAt", null);
            bulk.upsert(Query.query(Criteria.where("_id").is(id)), insertOnly);
        }
        bulk.execute();
        meters.counter("notifications.notification.delivered", "kind", n.kind()).increment(recipients.size());
    }

    PageResponse<Notification> list(String recipientId, boolean unreadOnly, PageQuery page) {
        Query q = mine(recipientId, unreadOnly);
        long total = mongo.count(q, Notification.class);
        List<Notification> items = mongo.find(Query.of(q).with(Sort.by(Sort.Order.desc("createdAt"),
                Sort.Order.asc("_id"))).skip(page.offset()).limit(page.size()), Notification.class);
        return PageResponse.of(items, page, total);
    }

    long unreadCount(String recipientId) {
        return mongo.count(mine(recipientId, true), Notification.class);
    }

    /** Marks one of the member's notifications read; false if they have none with that id. */
    boolean markRead(String recipientId, String id) {
        Query q = Query.query(Criteria.where("_id").is(id).and("recipientId").is(recipientId));
        var result = mongo.updateFirst(Query.of(q).addCriteria(Criteria.where("readAt").is(null)),
                new Update().set("readAt", Instant.now()), Notification.class);
        return result.getMatchedCount() == 1 || mongo.exists(q, Notification.class);
    }

    long markAllRead(String recipientId) {
        return mongo.updateMulti(mine(recipientId, true), new Update().set("readAt", Instant.now()),
                Notification.class).getModifiedCount();
    }

    private static Query mine(String recipientId, boolean unreadOnly) {
        Criteria c = Criteria.where("recipientId").is(recipientId);
        if (unreadOnly) {
            c = c.and("readAt").is(null);
        }
        return Query.query(c);
    }
}
