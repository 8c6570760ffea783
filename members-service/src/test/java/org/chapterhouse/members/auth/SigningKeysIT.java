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
