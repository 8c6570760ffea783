package org.chapterhouse.notifications.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.chapterhouse.notifications.inbound.members.MemberData;
import org.chapterhouse.notifications.preference.Preferences;
import org.chapterhouse.support.web.PageQuery;
import org.chapterhouse.support.web.PageResponse;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** Members' inboxes. Delivering the same event twice leaves one notification per recipient. */
@Service
public class Inbox implements MemberData {

    static final String COLLECTION = "notifications";
    public static final String MAIL_PENDING = "PENDING";
    public static final String MAIL_SENDING = "SENDING";
    public static final String MAIL_SENT = "SENT";

    private final MongoTemplate mongo;
    private final MeterRegistry meters;
    private final Preferences preferences;
    private final Clock clock;

    Inbox(MongoTemplate mongo, MeterRegistry meters, Preferences preferences, Clock clock) {
        this.mongo = mongo;
        this.meters = meters;
        this.preferences = preferences;
        this.clock = clock;
        var indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index().on("recipientId", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC)
                .named("recipient_created"));
        indexes.createIndex(new Index().on("recipientId", Sort.Direction.ASC).on("readAt", Sort.Direction.ASC)
                .named("recipient_unread"));
        indexes.createIndex(new Index().on("mail", Sort.Direction.ASC).sparse().named("mail_pending"));
        indexes.createIndex(new Index().on("actorId", Sort.Direction.ASC).named("actor"));
    }

    /**
     * Idempotent: the id of each notification is derived from (event id, recipient), written with
     * {@code $setOnInsert} upserts in one unordered bulk write. Recipients who want this kind mailed at once get the
     * notification marked {@code mail: PENDING}, which the instant mailer picks up.
     */
    public void deliver(String eventId, Collection<String> recipients, NewNotification n) {
        if (recipients.isEmpty()) {
            return;
        }
        Set<String> instant = preferences.wantingInstantMail(recipients, n.kind());
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        Instant now = clock.instant();
        for (String recipient : recipients) {
            Update insertOnly = new Update().setOnInsert("recipientId", recipient).setOnInsert("kind", n.kind())
                    .setOnInsert("chapterId", n.chapterId()).setOnInsert("questionId", n.questionId())
                    .setOnInsert("answerId", n.answerId()).setOnInsert("storyId", n.storyId())
                    .setOnInsert("title", n.title()).setOnInsert("actorId", n.actorId())
                    .setOnInsert("eventId", eventId).setOnInsert("createdAt", now).setOnInsert("readAt", null);
            if (instant.contains(recipient)) {
                insertOnly.setOnInsert("mail", MAIL_PENDING);
            }
            bulk.upsert(Query.query(Criteria.where("_id").is(idOf(eventId, recipient))), insertOnly);
        }
        bulk.execute();
        meters.counter("notifications.notification.delivered", "kind", n.kind()).increment(recipients.size());
    }

    static String idOf(String eventId, String recipient) {
        return UUID.nameUUIDFromBytes((eventId + "/" + recipient).getBytes(StandardCharsets.UTF_8)).toString();
    }

    PageResponse<Notification> list(String recipientId, boolean unreadOnly, Instant before, PageQuery page) {
        Query q = mine(recipientId, unreadOnly);
        if (before != null) {
            q.addCriteria(Criteria.where("createdAt").lt(before));
        }
        long total = mongo.count(q, Notification.class);
        List<Notification> items = mongo.find(Query.of(q).with(Sort.by(Sort.Order.desc("createdAt"),
                Sort.Order.asc("_id"))).skip(page.offset()).limit(page.size()), Notification.class);
        return PageResponse.of(items, page, total);
    }

    public long unreadCount(String recipientId) {
        return mongo.count(mine(recipientId, true), Notification.class);
    }

    /** Marks one of the member's notifications read; false if they have none with that id. */
    boolean markRead(String recipientId, String id) {
        Query q = Query.query(Criteria.where("_id").is(id).and("recipientId").is(recipientId));
        var result = mongo.updateFirst(Query.of(q).addCriteria(Criteria.where("readAt").is(null)),
                new Update().set("readAt", clock.instant()), Notification.class);
        return result.getMatchedCount() == 1 || mongo.exists(q, Notification.class);
    }

    long markAllRead(String recipientId) {
        return mongo.updateMulti(mine(recipientId, true), new Update().set("readAt", clock.instant()),
                Notification.class).getModifiedCount();
    }

    /**
     * Notifications of any of the recipients created or read at or after {@code since}, oldest first (for live
     * streams: new ones are sent, read ones change the unread count).
     */
    public List<Notification> changedSince(Collection<String> recipients, Instant since, int limit) {
        Query q = Query.query(Criteria.where("recipientId").in(recipients).orOperator(
                        Criteria.where("createdAt").gte(since), Criteria.where("readAt").gte(since)))
                .with(Sort.by(Sort.Order.asc("createdAt"))).limit(limit);
        return mongo.find(q, Notification.class);
    }

    /** Unread notifications of the member created in [from, to), for a digest. */
    public List<Notification> unreadBetween(String recipientId, Instant from, Instant to) {
        Query q = Query.query(Criteria.where("recipientId").is(recipientId).and("readAt").is(null)
                .and("createdAt").gte(from).lt(to)).with(Sort.by(Sort.Order.asc("createdAt")));
        return mongo.find(q, Notification.class);
    }

    /** Claims one notification owing an instant email (compare-and-set PENDING → SENDING), or null. */
    public Notification claimPendingMail() {
        return mongo.findAndModify(Query.query(Criteria.where("mail").is(MAIL_PENDING)),
                new Update().set("mail", MAIL_SENDING).set("mailClaimedAt", clock.instant()),
                FindAndModifyOptions.options().returnNew(true), Notification.class);
    }

    public void mailDone(String id, boolean sent) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("mail").is(MAIL_SENDING)),
                new Update().set("mail", sent ? MAIL_SENT : MAIL_PENDING), Notification.class);
    }

    /** Claims that stayed SENDING too long (an instance died mid-send) go back to PENDING. */
    public long reclaimStaleMail(Instant claimedBefore) {
        return mongo.updateMulti(Query.query(Criteria.where("mail").is(MAIL_SENDING).and("mailClaimedAt")
                .lt(claimedBefore)), new Update().set("mail", MAIL_PENDING), Notification.class).getModifiedCount();
    }

    /** Removes the member's inbox and anonymises them as the actor of other members' notifications. */
    @Override
    public void erase(String memberId) {
        mongo.remove(Query.query(Criteria.where("recipientId").is(memberId)), Notification.class);
        mongo.updateMulti(Query.query(Criteria.where("actorId").is(memberId)), new Update().set("actorId", null),
                Notification.class);
    }

    private static Query mine(String recipientId, boolean unreadOnly) {
        Criteria c = Criteria.where("recipientId").is(recipientId);
        if (unreadOnly) {
            c = c.and("readAt").is(null);
        }
        return Query.query(c);
    }
}
