package org.chapterhouse.members.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import org.chapterhouse.support.testing.Http;
import org.chapterhouse.support.testing.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

@ServiceIntegrationTest
@TestPropertySource(properties = {
        "chapterhouse.members.admin.email=admin@chapterhouse.test",
        "chapterhouse.members.admin.password=admin-password-1",
        "chapterhouse.members.token-ttl=20s",
        "chapterhouse.members.signing.rotate-every=5s",
        "chapterhouse.members.signing.check-every=500ms",
        "chapterhouse.members.signing.grace=0s"})
class ScheduledKeyRotationIT {

    @LocalServerPort
    int port;

    @Test
    void rotatesTheSigningKeyOnScheduleKeepingTokensSignedBeforeValid() throws Exception {
        Http http = new Http("http://localhost:" + port);
        String before = http.token("admin@chapterhouse.test", "admin-password-1");
        String oldKid = KeyRotationIT.kid(before);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                !KeyRotationIT.kid(http.token("admin@chapterhouse.test", "admin-password-1")).equals(oldKid));

        JWKSet jwks = JWKSet.parse(http.get("/.well-known/jwks.json", null).raw());
        RSAKey old = (RSAKey) jwks.getKeyByKeyId(oldKid);
        assertThat(old).isNotNull();
        assertThat(SignedJWT.parse(before).verify(new RSASSAVerifier(old))).isTrue();
        assertThat(http.get("/api/v1/members/me", before).status()).isEqualTo(200);
    }
}
