package org.chapterhouse.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.chapterhouse.support.testing.Http;
import org.chapterhouse.support.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Chapter webhooks against a real HTTP server in the test that fails as told. */
class WebhooksIT extends NotificationsITBase {

    record Received(String signature, String timestamp, String delivery, String contentType, byte[] body) {
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicInteger calls = new AtomicInteger();
    HttpServer receiver;

    /** A receiver answering 500 to the first {@code failures} calls, then 204. */
    String receiver(int failures) throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestHeaders().getFirst("X-Chapterhouse-Signature"),
                    exchange.getRequestHeaders().getFirst("X-Chapterhouse-Timestamp"),
                    exchange.getRequestHeaders().getFirst("X-Chapterhouse-Delivery"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body));
            int status = calls.incrementAndGet() <= failures ? 500 : 204;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        return "http://localhost:" + receiver.getAddress().getPort() + "/hook";
    }

    @AfterEach
    void stopReceiver() {
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    String lead() {
        return TestTokens.token("lead-" + chapter, "Lead", Map.of(chapter, "CHAPTER_LEAD"));
    }

    static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(body));
    }

    void ask(String questionId) {
        events.send(QUESTION, questionId, chapter, Map.of("questionId", questionId, "chapterId", chapter,
                "authorId", "asker-" + chapter, "title", "A question for the webhook", "tags", List.of("focus"),
                "visibility", "CHAPTER"));
    }

    @Test
    void onlyTheChaptersLeadsManageItsWebhooksAndOnlyPublicHttpsUrlsAreAccepted() {
        String url = "http://localhost:9/hook";
        assertThat(http.post("/api/v1/webhooks?chapterId=" + chapter, Map.of("url", url),
                tokenOf("volunteer-" + chapter)).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/webhooks?chapterId=" + chapter, tokenOf("volunteer-" + chapter)).status())
                .isEqualTo(403);
        for (String bad : List.of("https://10.1.2.3/hook", "https://169.254.169.254/latest", "https://192.168.0.7/",
                "https://[fd00::1]/x", "http://example.org/hook", "ftp://localhost/x", "https://user:pw@localhost/x",
                "not a url")) {
            Http.Response r = http.post("/api/v1/webhooks?chapterId=" + chapter, Map.of("url", bad), lead());
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
        assertThat(http.get("/api/v1/webhooks?chapterId=" + chapter, lead()).json().get("total").asLong()).isZero();

        Http.Response created = http.post("/api/v1/webhooks?chapterId=" + chapter, Map.of("url", url), lead());
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("secret").asString()).startsWith("whsec_");
        String id = created.json().get("id").asString();
        JsonNode listed = http.get("/api/v1/webhooks?chapterId=" + chapter, lead()).json().get("items").get(0);
        assertThat(listed.get("url").asString()).isEqualTo(url);
        assertThat(listed.has("secret")).isFalse();
        String otherLead = TestTokens.token("lead-x", "Other", Map.of("elsewhere", "CHAPTER_LEAD"));
        assertThat(http.get("/api/v1/webhooks/" + id + "/deliveries", otherLead).status()).isEqualTo(404);
        assertThat(http.delete("/api/v1/webhooks/" + id, otherLead).status()).isEqualTo(404);
        assertThat(http.delete("/api/v1/webhooks/" + id, lead()).status()).isEqualTo(204);
    }

    @Test
    void deliversTheChaptersEventsAsSignedCloudEventsRetryingWithBackoff() throws Exception {
        String url = receiver(2);
        JsonNode created = http.post("/api/v1/webhooks?chapterId=" + chapter, Map.of("url", url,
                "description", "our CRM"), lead()).json();
        String secret = created.get("secret").asString();
        String id = created.get("id").asString();
        String questionId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        events.send(QUESTION, questionId, chapter, Map.of("questionId", questionId, "chapterId", chapter,
                "authorId", "asker-" + chapter, "title", "A question for the webhook", "tags", List.of("focus"),
                "visibility", "CHAPTER"), eventId);
        // another chapter's event never reaches this chapter's webhook
        events.send(QUESTION, "elsewhere-q", "elsewhere-" + chapter, Map.of("questionId", "elsewhere-q",
                "chapterId", "elsewhere-" + chapter, "authorId", "x", "title", "Not for this chapter",
                "tags", List.of("focus"), "visibility", "NETWORK"));

        await().atMost(WAIT).until(() -> calls.get() == 3);
        for (Received r : received) {
            assertThat(r.signature()).isEqualTo(hmac(secret, r.body()));
            assertThat(r.contentType()).isEqualTo("application/cloudevents+json");
            assertThat(Long.parseLong(r.timestamp())).isPositive();
        }
        JsonNode event = JsonMapper.builder().build().readTree(received.get(2).body());
        assertThat(event.get("specversion").asString()).isEqualTo("1.0");
        assertThat(event.get("id").asString()).isEqualTo(eventId);
        assertThat(event.get("type").asString()).isEqualTo("org.chapterhouse.discussions.QuestionPosted.v1");
        assertThat(event.get("source").asString()).isEqualTo("/chapterhouse/discussions");
        assertThat(event.get("data").get("questionId").asString()).isEqualTo(questionId);
        assertThat(received.stream().map(Received::delivery).distinct()).hasSize(1);

        await().atMost(WAIT).until(() -> "DELIVERED".equals(http.get("/api/v1/webhooks/" + id + "/deliveries",
                lead()).json().get("items").get(0).get("status").asString()));
        JsonNode delivery = http.get("/api/v1/webhooks/" + id + "/deliveries", lead()).json().get("items").get(0);
        assertThat(delivery.get("attempts").asInt()).isEqualTo(3);
        assertThat(delivery.get("log").get(0).get("status").asInt()).isEqualTo(500);
        assertThat(delivery.get("log").get(2).get("status").asInt()).isEqualTo(204);
        // back-off: the second retry waited longer than the first
        long first = java.time.Instant.parse(delivery.get("log").get(0).get("at").asString()).toEpochMilli();
        long second = java.time.Instant.parse(delivery.get("log").get(1).get("at").asString()).toEpochMilli();
        long third = java.time.Instant.parse(delivery.get("log").get(2).get("at").asString()).toEpochMilli();
        assertThat(second - first).isGreaterThanOrEqualTo(200);
        assertThat(third - second).isGreaterThanOrEqualTo(400);
        assertThat(http.get("/api/v1/webhooks/" + id + "/deliveries", lead()).json().get("total").asLong())
                .isEqualTo(1);
    }

    @Test
    void disablesAWebhookAfterRepeatedFailures() throws Exception {
        String url = receiver(Integer.MAX_VALUE);
        String id = http.post("/api/v1/webhooks?chapterId=" + chapter, Map.of("url", url), lead()).json()
                .get("id").asString();
        ask(UUID.randomUUID().toString());
        ask(UUID.randomUUID().toString());
        await().atMost(WAIT).until(() -> !http.get("/api/v1/webhooks?chapterId=" + chapter, lead()).json()
                .get("items").get(0).get("active").asBoolean());
        JsonNode hook = http.get("/api/v1/webhooks?chapterId=" + chapter, lead()).json().get("items").get(0);
        assertThat(hook.get("consecutiveFailures").asInt()).isEqualTo(4);
        assertThat(hook.get("disabledAt").isNull()).isFalse();
        int callsWhenDisabled = calls.get();
        ask(UUID.randomUUID().toString());
        await().during(java.time.Duration.ofSeconds(2)).atMost(java.time.Duration.ofSeconds(5))
                .until(() -> calls.get() == callsWhenDisabled);
        assertThat(http.post("/api/v1/webhooks/" + id + "/activation", null, lead()).json().get("active")
                .asBoolean()).isTrue();
        assertThat(http.get("/actuator/prometheus", null).raw()).contains("notifications_webhook_disabled_total");
    }
}
