package org.chapterhouse.members.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.util.Map;
import org.chapterhouse.support.testing.Http;
import org.chapterhouse.support.testing.ServiceIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** Short-lived tokens (10 s) so a replaced key is seen to retire within the test. */
@ServiceIntegrationTest
@TestPropertySource(properties = {
        "chapterhouse.members.admin.email=admin@chapterhouse.test",
        "chapterhouse.members.admin.password=admin-password-1",
        "chapterhouse.members.token-ttl=10s",
        "chapterhouse.members.signing.check-every=500ms",
        "chapterhouse.members.signing.grace=0s"})
class KeyRotationIT {

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http("http://localhost:" + port);
    }

    @Test
    void rotatesOnAnAdminsRequestAndRetiresTheOldKeyOnceItsTokensHaveExpired() throws Exception {
        String before = admin();
        String oldKid = kid(before);
        var rotated = http.post("/api/v1/admin/signing-keys/rotation", null, before);
        assertThat(rotated.status()).as(rotated.raw()).isEqualTo(201);
        String newKid = rotated.json().get("signingKeyId").asString();
        assertThat(newKid).isNotEqualTo(oldKid);
        assertThat(rotated.raw()).doesNotContain("\"d\"");

        // the token signed before the rotation still verifies against the published keys, and is accepted
        assertThat(verifiesAgainstJwks(before)).isTrue();
        assertThat(http.get("/api/v1/members/me", before).status()).isEqualTo(200);
        // new tokens are signed by the new key
        assertThat(kid(admin())).isEqualTo(newKid);

        // once every token the old key signed has expired, the old key leaves the JWKS
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(250))
                .until(() -> jwks().getKeyByKeyId(oldKid) == null);
        assertThat(jwks().getKeyByKeyId(newKid)).isNotNull();
        assertThat(verifiesAgainstJwks(admin())).isTrue();
        assertThat(http.get("/api/v1/members/me", before).status()).isEqualTo(401);
    }

    @Test
    void letsOnlyAnAdminRotateOrListTheKeys() {
        String admin = admin();
        http.post("/api/v1/regions", Map.of("name", "Keys"), admin);
        http.post("/api/v1/chapters", Map.of("name", "Keyholders", "regionId", "keys"), admin);
        http.post("/api/v1/auth/register", Map.of("email", "vol@example.org", "password", "long enough password",
                "displayName", "Vol", "chapterId", "keyholders"), null);
        String volunteer = http.token("vol@example.org", "long enough password");
        String kid = jwksKids();
        var refused = http.post("/api/v1/admin/signing-keys/rotation", null, volunteer);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(http.get("/api/v1/admin/signing-keys", volunteer).status()).isEqualTo(403);
        assertThat(http.post("/api/v1/admin/signing-keys/rotation", null, null).status()).isEqualTo(401);
        assertThat(jwksKids()).isEqualTo(kid);
    }

    private String admin() {
        return http.token("admin@chapterhouse.test", "admin-password-1");
    }

    private JWKSet jwks() throws Exception {
        return JWKSet.parse(http.get("/.well-known/jwks.json", null).raw());
    }

    private String jwksKids() {
        try {
            return jwks().getKeys().stream().map(k -> k.getKeyID()).sorted().toList().toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String kid(String token) throws Exception {
        return SignedJWT.parse(token).getHeader().getKeyID();
    }

    /** As another service would: the key named by the token's kid, from the JWKS, verifies its signature. */
    private boolean verifiesAgainstJwks(String token) throws Exception {
        SignedJWT jwt = SignedJWT.parse(token);
        RSAKey key = (RSAKey) jwks().getKeyByKeyId(jwt.getHeader().getKeyID());
        return key != null && jwt.verify(new RSASSAVerifier(key));
    }
}
