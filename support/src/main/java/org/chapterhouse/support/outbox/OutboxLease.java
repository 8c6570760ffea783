package org.chapterhouse.support.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Which instance of a service publishes its outbox: the holder of one lease document, renewed every round and
 * taken over when it expires. One conditional upsert on one document, so it needs no transaction.
 */
public final class OutboxLease {

    static final String COLLECTION = "outbox_lease";
    private static final String ID = "relay";

    private final MongoTemplate mongo;
    private final Duration ttl;
    private final String owner = UUID.randomUUID().toString();

    public OutboxLease(MongoTemplate mongo, Duration ttl) {
        this.mongo = mongo;
        this.ttl = ttl;
    }

    public boolean tryAcquire() {
        Instant now = Instant.now();
        Query mine = Query.query(Criteria.where("_id").is(ID)
                .orOperator(Criteria.where("owner").is(owner), Criteria.where("until").lt(now)));
        try {
            mongo.upsert(mine, new Update().set("owner", owner).set("until", now.plus(ttl)), COLLECTION);
            return true;
        } catch (DuplicateKeyException held) {
            return false; // someone else holds a live lease
        }
    }

    public void release() {
        mongo.remove(Query.query(Criteria.where("_id").is(ID).and("owner").is(owner)), COLLECTION);
    }
}
