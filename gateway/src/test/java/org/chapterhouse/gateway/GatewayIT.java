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
            server.createContext("/v3/api-docs", ex -> reply(ex, 200,
                    "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"stand-in API\",\"version\":\"1\"},"
                            + "\"paths\":{\"" + ex.getRequestURI().getPath() + "\":{}}}"));
            server.createContext("/feeds/", ex -> reply(ex, 200, "{\"path\":\"" + ex.getRequestURI().getPath() + "\"}"));
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
        registry.add("ANALYTICS_URL", () -> up);
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
    void refusesMissingMalformedForgedAndExpiredTokensAtThePerimeter() {
        for (String bad : new String[] {null, "garbage", TestTokens.forged("m-1", Map.of("riverside", "CHAPTER_LEAD")),
                TestTokens.expired("m-1", Map.of())}) {
            lastHeaders.clear();
            var r = http().get("/api/v1/questions", bad);
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().get("type").asString()).endsWith("/unauthorized");
            assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
            assertThat(lastHeaders).isEmpty();
        }
    }

    @Test
    void refusesATokenWhoseSignatureWasTamperedWith() {
        String[] parts = token.split("\\.");
        String otherClaims = TestTokens.token("m-admin", "Mallory", Map.of("riverside", "CHAPTER_LEAD"), "ADMIN")
                .split("\\.")[1];
        String tampered = parts[0] + "." + otherClaims + "." + parts[2];
        lastHeaders.clear();
        var r = http().get("/api/v1/questions", tampered);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(lastHeaders).isEmpty();
    }

    @Test
    void routesTheNewPathsToTheirServices() {
        for (String path : new String[] {"/api/v1/tags/popular", "/api/v1/moderation/queue", "/api/v1/search/questions",
                "/api/v1/admin/members"}) {
            var r = http().get(path, token);
            assertThat(r.status()).as(path).isEqualTo(200);
            assertThat(r.json().get("path").asString()).isEqualTo(path);
        }
        var webhooks = http().get("/api/v1/webhooks/1", token);
        assertThat(webhooks.status()).as("routed to notifications, which is down here").isEqualTo(503);
        assertThat(webhooks.json().get("detail").asString()).contains("notifications-service");
        var feed = http().get("/feeds/stories.json", null);
        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.json().get("path").asString()).isEqualTo("/feeds/stories.json");
        assertThat(http().get("/api/v1/admin/members", null).status()).isEqualTo(401);
    }

    @Test
    void servesEveryServicesOpenApiDocumentAndOnePageListingThem() {
        for (String service : new String[] {"members", "discussions", "stories", "notifications", "analytics"}) {
            var doc = http().get("/v3/api-docs/" + service, null);
            if (service.equals("notifications")) {
                assertThat(doc.status()).isEqualTo(503);
                assertThat(doc.json().get("detail").asString()).contains("notifications-service");
                continue;
            }
            assertThat(doc.status()).as(service).isEqualTo(200);
            assertThat(doc.json().get("info").get("title").asString()).isEqualTo("stand-in API");
            assertThat(doc.json().get("paths").has("/v3/api-docs")).isTrue();
        }
        var config = http().get("/v3/api-docs/swagger-config", null);
        assertThat(config.status()).isEqualTo(200);
        var urls = config.json().get("urls");
        var listed = new java.util.ArrayList<String>();
        for (int i = 0; i < urls.size(); i++) {
            listed.add(urls.get(i).get("url").asString());
        }
        assertThat(listed).containsExactlyInAnyOrder("/v3/api-docs/members", "/v3/api-docs/discussions", "/v3/api-docs/stories",
                        "/v3/api-docs/notifications", "/v3/api-docs/analytics");
        var page = http().get("/webjars/swagger-ui/index.html", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.raw()).contains("swagger-ui");
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'");
        assertThat(http().get("/api-docs", null).status()).isIn(200, 302, 307);
    }

    @Test
    void putsSecurityHeadersOnEveryResponse() {
        for (var r : new Http.Response[] {http().get("/api/v1/questions", token), http().get("/api/v1/questions", null),
                http().get("/index.html", null)}) {
            assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(r.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(r.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
            assertThat(r.header("Strict-Transport-Security")).as("plain http: no HSTS").isNull();
            assertThat(r.header("X-Request-Id")).isNotBlank();
        }
        assertThat(http().get("/api/v1/questions", token).header("Content-Security-Policy"))
                .startsWith("default-src 'none'");
        assertThat(http().get("/index.html", null).header("Content-Security-Policy")).startsWith("default-src 'self'");
    }

    @Test
    void servesTheWebAppWithoutATokenUnderAPolicyThatAllowsOnlyItsOwnCode() throws Exception {
        var page = http().get("/", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.raw()).contains("<script type=\"module\" src=\"/app/main.js\">").contains("<noscript>");
        String policy = page.header("Content-Security-Policy");
        assertThat(policy).contains("script-src 'self'").contains("connect-src 'self'").doesNotContain("unsafe");
        long total = 0;
        for (String file : new String[] {"main.js", "api.js", "dom.js", "editor.js", "app.css", "pages/auth.js",
                "pages/questions.js", "pages/stories.js", "pages/people.js", "pages/inbox.js", "pages/moderation.js"}) {
            var r = http().get("/app/" + file, null);
            assertThat(r.status()).as(file).isEqualTo(200);
            assertThat(r.header("Content-Security-Policy")).as(file).isEqualTo(policy);
            assertThat(r.header("Cache-Control")).as(file).contains("no-cache");
            total += r.raw().length();
        }
        // the whole app, uncompressed: a slow connection's budget (no framework, no bundle)
        assertThat(total).isLessThan(150_000);
        var gzipped = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/app/pages/questions.js"))
                .header("Accept-Encoding", "gzip").build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(http().get("/app/missing.js", null).status()).isEqualTo(404);
    }

    @Test
    void answersNoCrossOriginCallerByDefault() throws Exception {
        var preflight = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/api/v1/questions"))
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://elsewhere.example").header("Access-Control-Request-Method", "POST").build();
        var response = java.net.http.HttpClient.newHttpClient().send(preflight,
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void tellsAMemberHowMuchOfTheirBudgetIsLeft() {
        var r = http().get("/api/v1/questions", TestTokens.token("m-budget", "Budget", Map.of("riverside", "VOLUNTEER")));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("RateLimit-Limit")).isNotNull();
        assertThat(Long.parseLong(r.header("RateLimit-Remaining"))).isPositive();
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
