package org.chapterhouse.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.chapterhouse.support.testing.Http;
import org.chapterhouse.support.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway in front of a stand-in backend (a plain HTTP server that records what reaches it and serves the
 * issuer's JWKS), and in front of a port where nothing listens.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayIT {

    static final Map<String, String> lastHeaders = new ConcurrentHashMap<>();
    static HttpServer backend = start();

    static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/.well-known/jwks.json", ex -> reply(ex, 200, TestTokens.jwksJson()));
            server.createContext("/api/v1/", ex -> {
                lastHeaders.clear();
                ex.getRequestHeaders().forEach((k, v) -> lastHeaders.put(k.toLowerCase(), String.join(",", v)));
                reply(ex, 200, "{\"path\":\"" + ex.getRequestURI().getPath() + "\"}");
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void reply(com.sun.net.httpserver.HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getRequestBody().readAllBytes();
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        String up = "http://127.0.0.1:" + backend.getAddress().getPort();
        registry.add("MEMBERS_URL", () -> up);
        registry.add("DISCUSSIONS_URL", () -> up);
        registry.add("STORIES_URL", () -> up);
        registry.add("NOTIFICATIONS_URL", () -> "http://127.0.0.1:" + freePort());
        registry.add("CHAPTERHOUSE_JWKS_URI", () -> up + "/.well-known/jwks.json");
    }

    @AfterAll
    static void stop() {
        backend.stop(0);
    }

    @LocalServerPort
    int port;

    Http http() {
        return new Http("http://localhost:" + port);
    }

    final String token = TestTokens.token("m-1", "Asha", Map.of("riverside", "VOLUNTEER"));

    @Test
    void forwardsAnAuthenticatedRequestWithItsTokenAndARequestId() {
        var r = http().get("/api/v1/questions?chapterId=riverside", token);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("path").asString()).isEqualTo("/api/v1/questions");
        assertThat(lastHeaders.get("authorization")).isEqualTo("Bearer " + token);
        assertThat(lastHeaders.get("x-request-id")).isNotBlank().isEqualTo(r.header("X-Request-Id"));
    }

    @Test
    void refusesMissingForgedAndExpiredTokensAtThePerimeter() {
        for (String bad : new String[] {null, "garbage", TestTokens.forged("m-1", Map.of("riverside", "CHAPTER_LEAD")),
                TestTokens.expired("m-1", Map.of())}) {
            lastHeaders.clear();
            var r = http().get("/api/v1/questions", bad);
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(lastHeaders).isEmpty();
        }
    }

    @Test
    void letsAnonymousCallersReachOnlyThePublicPaths() {
        assertThat(http().get("/api/v1/chapters", null).status()).isEqualTo(200);
        assertThat(http().post("/api/v1/auth/token", Map.of("email", "a", "password", "b"), null).status())
                .isEqualTo(200);
        assertThat(http().post("/api/v1/chapters", Map.of("name", "x"), null).status()).isEqualTo(401);
    }

    @Test
    void stripsIdentityHeadersAClientSends() throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/api/v1/questions"))
                .header("Authorization", "Bearer " + token).header("X-Member-Id", "admin")
                .header("X-Forwarded-User", "admin").header("X-Member-Roles", "ADMIN").GET().build();
        var response = java.net.http.HttpClient.newHttpClient().send(request,
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(lastHeaders).doesNotContainKeys("x-member-id", "x-forwarded-user", "x-member-roles");
    }

    @Test
    void answersAnUnavailableServiceWithA503ThatNamesIt() {
        var r = http().get("/api/v1/notifications/unread-count", token);
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("detail").asString()).contains("notifications-service");
        assertThat(r.header("Retry-After")).isNotNull();
    }

    @Test
    void answersUnknownPathsAndOversizedBodiesWithProblems() {
        var unknown = http().get("/api/v1/nothing-here", token);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        var huge = http().post("/api/v1/questions", "{\"body\":\"" + "x".repeat(70_000) + "\"}", token);
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.contentType()).startsWith("application/problem+json");
        assertThat(huge.json().get("type").asString()).endsWith("/payload-too-large");
    }
}
