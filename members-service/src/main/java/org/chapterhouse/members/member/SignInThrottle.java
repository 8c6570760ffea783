package org.chapterhouse.members.member;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Slows down repeated failed sign-ins, per email and per client address. Each key has one counter document in
 * {@code signin_failures}, counted with an atomic {@code $inc}: past the limit, further attempts wait
 * {@code baseDelay · 2^(failures − limit)} (at most {@code maxDelay}) and are answered 429 with {@code Retry-After}.
 * Unknown emails are counted like known ones, so the answers tell nothing about which accounts exist. A success
 * clears the email's counter (not the address's, or one good account would reset a password spray). Counters are
 * forgotten {@code forgetAfter} after the last failure (TTL index on {@code expiresAt}; checked on read too, for
 * stores without TTL). Keys are SHA-256 hashes, never the email itself.
 */
@Component
class SignInThrottle {

    static final String COLLECTION = "signin_failures";

    private final MongoTemplate mongo;
    private final MembersProperties.SignIn limits;
    private final Counter throttled;

    SignInThrottle(MongoTemplate mongo, MembersProperties properties, MeterRegistry meters) {
        this.mongo = mongo;
        this.limits = properties.signin();
        this.throttled = meters.counter("members.signin.throttled");
        mongo.indexOps(COLLECTION).createIndex(new Index().on("expiresAt", Sort.Direction.ASC)
                .expire(0, TimeUnit.SECONDS).named("signin_failures_ttl"));
    }

    /** 429 {@code too-many-sign-in-attempts} if the email or the address must wait. */
    void check(String email, String clientIp) {
        Instant now = Instant.now();
        Instant until = later(blockedUntil(emailKey(email), now), blockedUntil(ipKey(clientIp), now));
        if (until != null) {
            long seconds = Math.max(1, (Duration.between(now, until).toMillis() + 999) / 1000);
            throttled.increment();
            throw new TooManySignIns(seconds);
        }
    }

    void failed(String email, String clientIp) {
        record(emailKey(email), limits.maxFailuresPerEmail());
        if (clientIp != null) {
            record(ipKey(clientIp), limits.maxFailuresPerIp());
        }
    }

    void succeeded(String email) {
        forget(email);
    }

    void forget(String email) {
        mongo.remove(Query.query(Criteria.where("_id").is(emailKey(email))), COLLECTION);
    }

    private void record(String key, int limit) {
        Instant now = Instant.now();
        // a counter past its expiry is gone even where the store has no TTL expiry
        mongo.remove(Query.query(Criteria.where("_id").is(key).and("expiresAt").lt(now)), COLLECTION);
        Document counter;
        try {
            counter = increment(key, now);
        } catch (DuplicateKeyException raced) {
            counter = increment(key, now); // two first failures at once: one inserted, the other now updates
        }
        int failures = counter == null || !(counter.get("failures") instanceof Number n) ? 1 : n.intValue();
        if (failures >= limit) {
            int doublings = Math.min(failures - limit, 30);
            Duration wait = limits.baseDelay().multipliedBy(1L << doublings);
            if (wait.compareTo(limits.maxDelay()) > 0) {
                wait = limits.maxDelay();
            }
            Instant until = now.plus(wait);
            Instant expires = until.plus(limits.forgetAfter());
            mongo.updateFirst(Query.query(Criteria.where("_id").is(key)),
                    new Update().max("blockedUntil", until).max("expiresAt", expires), COLLECTION);
        }
    }

    private Document increment(String key, Instant now) {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(key)),
                new Update().inc("failures", 1).set("lastFailureAt", now)
                        .set("expiresAt", now.plus(limits.forgetAfter())),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
    }

    private Instant blockedUntil(String key, Instant now) {
        if (key == null) {
            return null;
        }
        Document counter = mongo.findById(key, Document.class, COLLECTION);
        if (counter == null || !(counter.get("blockedUntil") instanceof Date until)) {
            return null;
        }
        Date expires = counter.getDate("expiresAt");
        if (expires != null && expires.toInstant().isBefore(now)) {
            return null;
        }
        return until.toInstant().isAfter(now) ? until.toInstant() : null;
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private static String emailKey(String email) {
        return "email:" + sha256(email);
    }

    private static String ipKey(String ip) {
        return ip == null ? null : "ip:" + sha256(ip);
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
