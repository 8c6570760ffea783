package org.chapterhouse.members.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import org.chapterhouse.support.testing.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

@ServiceIntegrationTest
class SigningKeysIT {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    JwtDecoder decoder;

    @Test
    void givesEachKeyGenerationToOneInstanceWhenTwoRotateAtOnce() throws Exception {
        SigningKeys a = new SigningKeys(mongo);
        SigningKeys b = new SigningKeys(mongo);
        long before = mongo.getCollection(SigningKeys.COLLECTION).countDocuments();
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var fa = pool.submit(() -> {
                start.await();
                return a.rotate();
            });
            var fb = pool.submit(() -> {
                start.await();
                return b.rotate();
            });
            start.countDown();
            fa.get();
            fb.get();
        } finally {
            pool.shutdownNow();
        }
        java.util.List<Object> generations = new java.util.ArrayList<>();
        mongo.getCollection(SigningKeys.COLLECTION).find().forEach(d -> generations.add(d.get("generation")));
        assertThat(generations).doesNotHaveDuplicates();
        assertThat(mongo.getCollection(SigningKeys.COLLECTION).countDocuments()).isBetween(before + 1, before + 2);
        // once both have read the keys again they sign with the same, newest key
        a.maintain(Duration.ofDays(30));
        b.maintain(Duration.ofDays(30));
        assertThat(a.current().getKeyID()).isEqualTo(b.current().getKeyID());
    }

    @Test
    void acceptsATokenSignedWithAKeyAnotherInstanceGenerated() {
        SigningKeys otherInstance = new SigningKeys(mongo);
        otherInstance.rotate();
        String token = new NimbusJwtEncoder((selector, context) -> selector.select(otherInstance.all()))
                .encode(JwtEncoderParameters.from(
                        JwsHeader.with(SignatureAlgorithm.RS256).keyId(otherInstance.current().getKeyID()).build(),
                        JwtClaimsSet.builder().issuer("chapterhouse").subject("m-1").issuedAt(Instant.now())
                                .expiresAt(Instant.now().plusSeconds(60)).build()))
                .getTokenValue();
        await().atMost(Duration.ofSeconds(15)).ignoreExceptions()
                .untilAsserted(() -> assertThat(decoder.decode(token).getSubject()).isEqualTo("m-1"));
    }
}
