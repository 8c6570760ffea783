package org.chapterhouse.members.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.text.ParseException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The RSA keys tokens are signed with, kept in this service's own database (never in a file). The newest signs;
 * all are published in the JWKS so tokens signed before a rotation stay valid until they expire. A first start
 * generates one.
 */
@Component
class SigningKeys {

    private static final String COLLECTION = "signing_keys";

    private static final long RELOAD_AT_MOST_EVERY_MS = 5_000;

    private final MongoTemplate mongo;
    private volatile List<RSAKey> keys;
    private volatile long loadedAt;

    SigningKeys(MongoTemplate mongo) {
        this.mongo = mongo;
        this.keys = load();
        if (keys.isEmpty()) {
            rotate();
        }
    }

    /** Adds a new signing key; older ones remain published for verification. */
    synchronized RSAKey rotate() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID(UUID.randomUUID().toString()).issueTime(new java.util.Date()).generate();
            mongo.insert(new Document("_id", key.getKeyID()).append("jwk", key.toJSONString())
                    .append("createdAt", Instant.now()), COLLECTION);
            keys = load();
            return key;
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not generate a signing key", e);
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
        return keys.get(0);
    }

    JWKSet all() {
        return new JWKSet(List.<JWK>copyOf(keys));
    }

    JWKSet published() {
        return all().toPublicJWKSet();
    }

    private List<RSAKey> load() {
        loadedAt = System.currentTimeMillis();
        return mongo.find(new Query(), Document.class, COLLECTION).stream()
                .sorted(Comparator.comparing((Document d) -> d.getDate("createdAt")).reversed())
                .map(d -> {
                    try {
                        return RSAKey.parse(d.getString("jwk"));
                    } catch (ParseException e) {
                        throw new IllegalStateException("Unreadable signing key " + d.get("_id"), e);
                    }
                })
                .toList();
    }
}
