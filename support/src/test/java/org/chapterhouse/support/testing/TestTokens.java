package org.chapterhouse.support.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Access tokens for testing a service that is not the issuer: signed by a key of the test's own, which the
 * service is made to trust through {@link Config} (import it in the test). The claims are those members-service
 * issues.
 */
public final class TestTokens {

    private static final RSAKey KEY = generate();
    private static final RSAKey STRANGER = generate();

    private TestTokens() {
    }

    public static String token(String memberId, String name, Map<String, String> chapters, String... roles) {
        return sign(KEY, memberId, name, chapters, List.of(roles), Instant.now().plusSeconds(3600));
    }

    /** The public half of the signing key, as the issuer's {@code /.well-known/jwks.json} would serve it. */
    public static String jwksJson() {
        return new com.nimbusds.jose.jwk.JWKSet(KEY.toPublicJWK()).toString();
    }

    /** Same claims, but signed by a key the service does not trust. */
    public static String forged(String memberId, Map<String, String> chapters) {
        return sign(STRANGER, memberId, "Forger", chapters, List.of(), Instant.now().plusSeconds(3600));
    }

    public static String expired(String memberId, Map<String, String> chapters) {
        return sign(KEY, memberId, "Late", chapters, List.of(), Instant.now().minusSeconds(600));
    }

    private static String sign(RSAKey key, String memberId, String name, Map<String, String> chapters,
                               List<String> roles, Instant expires) {
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("chapterhouse").subject(memberId)
                    .issueTime(new Date()).expirationTime(Date.from(expires)).jwtID(UUID.randomUUID().toString())
                    .claim("name", name).claim("chapters", chapters).claim("roles", roles).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        JwtDecoder testTokenDecoder() throws JOSEException {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(KEY.toRSAPublicKey()).build();
            decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer("chapterhouse"));
            return decoder;
        }
    }
}
