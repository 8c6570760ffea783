package org.chapterhouse.members.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.chapterhouse.members.member.MembersProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The RSA keys tokens are signed with, kept in this service's own database (never in a file). Each key has a
 * {@code generation}; the newest generation signs. A rotation inserts the next generation, and the unique index on
 * {@code generation} is the compare-and-set that lets only one of several instances rotate. A replaced key stays
 * published in the JWKS for {@code retention} after its successor appeared (the token lifetime, plus the time
 * other instances may take to notice the new key, plus a grace), so every token it signed expires first; then it is
 * removed. Keys stored before generations existed read as generation 0.
 */
@Component
class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    static final String COLLECTION = "signing_keys";

    private static final long RELOAD_AT_MOST_EVERY_MS = 5_000;

    private final MongoTemplate mongo;
    private final Duration retention;
    private volatile List<StoredKey> keys;
    private volatile long loadedAt;

    record StoredKey(RSAKey jwk, long generation, Instant createdAt) {
    }

    /** For tests that act as another instance: replaced keys stay two hours. */
    SigningKeys(MongoTemplate mongo) {
        this(mongo, Duration.ofHours(2));
    }

    @Autowired
    SigningKeys(MongoTemplate mongo, MembersProperties properties) {
        this(mongo, properties.tokenTtl().plus(properties.signing().checkEvery()).plus(properties.signing().grace()));
    }

    private SigningKeys(MongoTemplate mongo, Duration retention) {
        this.mongo = mongo;
        this.retention = retention;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("generation", Sort.Direction.ASC).unique().sparse()
                .named("generation"));
        this.keys = load();
        if (keys.isEmpty()) {
            rotate();
        }
    }

    /**
     * Makes a new key the signing key, unless another instance rotated at the same moment (then its key signs).
     * Older keys remain published for verification until they are retired.
     *
     * @return the signing key now
     */
    synchronized RSAKey rotate() {
        keys = load();
        long next = keys.isEmpty() ? 1 : keys.get(0).generation() + 1;
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID(UUID.randomUUID().toString()).issueTime(new Date()).generate();
            mongo.insert(new Document("_id", key.getKeyID()).append("jwk", key.toJSONString())
                    .append("generation", next).append("createdAt", Instant.now()), COLLECTION);
            log.info("Signing key {} (generation {}) now signs", key.getKeyID(), next);
        } catch (DuplicateKeyException raced) {
            log.info("Another instance rotated the signing key to generation {} first", next);
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not generate a signing key", e);
        }
        keys = load();
        return current();
    }

    /**
     * What every instance does every {@code check-every}: reads the keys (another instance may have rotated),
     * rotates if the signing key is older than {@code rotateEvery}, and removes keys replaced longer than the
     * retention ago. Safe to run on several instances at once.
     */
    synchronized void maintain(Duration rotateEvery) {
        keys = load();
        Instant now = Instant.now();
        if (!keys.get(0).createdAt().plus(rotateEvery).isAfter(now)) {
            rotate();
        }
        boolean removed = false;
        for (int i = 1; i < keys.size(); i++) {
            Instant replacedAt = keys.get(i - 1).createdAt();
            if (replacedAt.plus(retention).isBefore(now)) {
                mongo.remove(Query.query(Criteria.where("_id").is(keys.get(i).jwk().getKeyID())), COLLECTION);
                log.info("Signing key {} retired: every token it signed has expired", keys.get(i).jwk().getKeyID());
                removed = true;
            }
        }
        if (removed) {
            keys = load();
        }
    }

    /**
     * Reads the keys again, at most every few seconds: another instance may have generated or rotated one (two
     * instances starting on an empty database each generate a key, and each must accept the other's tokens).
     *
     * @return whether the keys were reloaded
     */
    boolean reload() {
        if (System.currentTimeMillis() - loadedAt < RELOAD_AT_MOST_EVERY_MS) {
            return false;
        }
        keys = load();
        return true;
    }

    RSAKey current() {
        return keys.get(0).jwk();
    }

    List<StoredKey> stored() {
        return keys;
    }

    JWKSet all() {
        return new JWKSet(keys.stream().<JWK>map(StoredKey::jwk).toList());
    }

    JWKSet published() {
        return all().toPublicJWKSet();
    }

    /** Newest first: by generation, then (for keys from before generations) by creation. */
    private List<StoredKey> load() {
        loadedAt = System.currentTimeMillis();
        return mongo.find(new Query(), Document.class, COLLECTION).stream()
                .map(d -> {
                    try {
                        Number generation = d.get("generation", Number.class);
                        return new StoredKey(RSAKey.parse(d.getString("jwk")),
                                generation == null ? 0 : generation.longValue(), d.getDate("createdAt").toInstant());
                    } catch (ParseException e) {
                        throw new IllegalStateException("Unreadable signing key " + d.get("_id"), e);
                    }
                })
                .sorted(Comparator.comparingLong(StoredKey::generation).thenComparing(StoredKey::createdAt)
                        .reversed())
                .toList();
    }
}
