package org.chapterhouse.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.chapterhouse.support.testing.Http;
import org.chapterhouse.support.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway as deployed for a network that signs in with its own OIDC provider, serves a browser app from another
 * origin, and sits behind an https proxy: issuer by discovery, CORS for that one origin, HSTS on https.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "chapterhouse.gateway.cors.allowed-origins=https://volunteers.example.org",
        "server.forward-headers-strategy=framework"})
class DeployedBehindProxyIT {

    static final RSAKey key = generate();
    static final StandInService service = new StandInService();
    static final HttpServer issuer = issuer();

    static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID("oidc-1").generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String issuerUrl() {
        return "http://127.0.0.1:" + issuer.getAddress().getPort() + "/realms/network";
    }

    /** A minimal OIDC provider: its discovery document and its keys. */
    static HttpServer issuer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/realms/network/.well-known/openid-configuration", ex -> StandInService.reply(ex,
                    200, "{\"issuer\":\"" + issuerUrl() + "\",\"jwks_uri\":\"" + issuerUrl() + "/keys\","
                            + "\"subject_types_supported\":[\"public\"],"
                            + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}"));
            server.createContext("/realms/network/keys", ex -> StandInService.reply(ex, 200,
                    new JWKSet(key.toPublicJWK()).toString()));
            server.start();
            return server;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String oidcToken(String iss, Instant expires) {
        try {
            var claims = new JWTClaimsSet.Builder().issuer(iss).subject("oidc-member").issueTime(new Date())
                    .expirationTime(Date.from(expires)).claim("name", "Ola").claim("chapters", Map.of("riverside",
                            "VOLUNTEER")).claim("roles", List.of()).build();
            var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        for (String name : new String[] {"MEMBERS_URL", "DISCUSSIONS_URL", "STORIES_URL", "NOTIFICATIONS_URL"}) {
            registry.add(name, service::url);
        }
        registry.add("CHAPTERHOUSE_ISSUER_URI", DeployedBehindProxyIT::issuerUrl);
    }

    @AfterAll
    static void stop() {
        service.stop();
        issuer.stop(0);
    }

    @LocalServerPort
    int port;

    Http http() {
        return new Http("http://localhost:" + port);
    }

    @Test
    void acceptsTokensFromTheConfiguredOidcIssuer() {
        var r = http().get("/api/v1/questions", oidcToken(issuerUrl(), Instant.now().plusSeconds(600)));
        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void refusesTokensOfAnotherIssuerExpiredOnesAndMembersServiceKeysWhenAnOidcIssuerIsConfigured() {
        for (String bad : new String[] {oidcToken("https://elsewhere.example", Instant.now().plusSeconds(600)),
                oidcToken(issuerUrl(), Instant.now().minusSeconds(600)),
                TestTokens.token("m-1", "Asha", Map.of("riverside", "VOLUNTEER"))}) {
            var r = http().get("/api/v1/questions", bad);
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void answersAPreflightFromTheAllowedOriginOnly() throws Exception {
        var client = HttpClient.newHttpClient();
        for (String origin : new String[] {"https://volunteers.example.org", "https://evil.example"}) {
            var preflight = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/questions"))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", origin)
                    .header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "authorization,content-type").build();
            var response = client.send(preflight, HttpResponse.BodyHandlers.ofString());
            if (origin.contains("volunteers")) {
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(origin);
                assertThat(response.headers().firstValue("Access-Control-Allow-Methods").orElse(""))
                        .contains("POST");
            } else {
                assertThat(response.statusCode()).isEqualTo(403);
                assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
            }
        }
        var simple = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/chapters"))
                .header("Origin", "https://volunteers.example.org").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(simple.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://volunteers.example.org");
        assertThat(simple.headers().firstValue("Access-Control-Expose-Headers").orElse("")).contains("X-Request-Id");
    }

    @Test
    void sendsStrictTransportSecurityOnlyWhenTheRequestCameOverHttps() throws Exception {
        var client = HttpClient.newHttpClient();
        var viaHttps = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/chapters"))
                .header("X-Forwarded-Proto", "https").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(viaHttps.headers().firstValue("Strict-Transport-Security").orElse(""))
                .contains("max-age=31536000", "includeSubDomains");
        var plain = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/chapters"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }
}
