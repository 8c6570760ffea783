package org.chapterhouse.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.chapterhouse.support.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The live stream works when several instances run: instance A (the test's context) consumes the event and stores
 * the notifications; a client connected to instance B, which consumes nothing, receives them.
 */
class LiveStreamIT extends NotificationsITBase {

    @Autowired
    Environment environment;

    /** Instance B: the same database and broker, its consumers not started, on a port of its own. */
    ConfigurableApplicationContext startInstanceB() {
        String bindings = "recordChapterMembership,recordMemberProfile,forgetErasedMember,notifyWatchersOfNewQuestion,"
                + "notifyAskerAndWatchersOfNewAnswer,notifyAnswererOfAcceptance,notifyLeadsOfSubmittedStory,"
                + "notifySubscribersOfSharedStory,forwardToChapterWebhooks";
        List<String> args = new java.util.ArrayList<>(List.of(
                "--server.port=0",
                "--spring.mongodb.uri=" + environment.getProperty("spring.mongodb.uri"),
                "--spring.kafka.bootstrap-servers=" + environment.getProperty("spring.kafka.bootstrap-servers"),
                "--spring.cloud.stream.kafka.binder.brokers=" + environment.getProperty("spring.kafka.bootstrap-servers"),
                "--spring.mail.port=" + environment.getProperty("spring.mail.port"),
                "--chapterhouse.notifications.stream.poll=200ms",
                "--chapterhouse.notifications.stream.heartbeat=500ms",
                "--spring.cloud.stream.kafka.binder.auto-create-topics=true",
                "--chapterhouse.security.jwk-set-uri=http://unused.invalid/jwks"));
        for (String b : bindings.split(",")) {
            args.add("--spring.cloud.stream.bindings." + b + "-in-0.consumer.auto-startup=false");
        }
        return new SpringApplicationBuilder(NotificationsApplication.class, TestTokens.Config.class)
                .run(args.toArray(String[]::new));
    }

    @Test
    void aClientOfInstanceBReceivesNotificationsThatInstanceAConsumed() throws Exception {
        String asker = member("asker", chapter, "VOLUNTEER");
        String listener = member("listener", chapter, "VOLUNTEER");
        awaitMembers(chapter, 2);
        watch(listener, Map.of("chapters", List.of(chapter)));

        try (ConfigurableApplicationContext b = startInstanceB()) {
            int portB = Integer.parseInt(b.getEnvironment().getProperty("local.server.port"));
            List<String> lines = new CopyOnWriteArrayList<>();
            HttpClient client = HttpClient.newHttpClient();
            // the token in the query, as a browser's EventSource must send it
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + portB
                    + "/api/v1/notifications/stream?access_token=" + tokenOf(listener)))
                    .header("Accept", "text/event-stream").GET().build();
            CompletableFuture<HttpResponse<Stream<String>>> response =
                    client.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
            HttpResponse<Stream<String>> stream = response.get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            Thread reader = new Thread(() -> stream.body().forEach(lines::add), "sse-reader");
            reader.setDaemon(true);
            reader.start();
            await().atMost(WAIT).until(() -> lines.contains("event:unread-count"));

            String questionId = UUID.randomUUID().toString();
            events.send(QUESTION, questionId, chapter, Map.of("questionId", questionId, "chapterId", chapter,
                    "authorId", asker, "title", "Streamed to another instance", "tags", List.of("focus"),
                    "visibility", "CHAPTER"));
            await().atMost(WAIT).until(() -> lines.stream().anyMatch(l -> l.startsWith("data:")
                    && l.contains(questionId)));
            assertThat(lines).contains("event:notification");
            await().atMost(WAIT).until(() -> lines.contains("data:{\"count\":1}"));
            await().atMost(WAIT).until(() -> lines.contains(":heartbeat"));
            // each notification is sent once, however many polls overlap
            assertThat(lines.stream().filter(l -> l.contains(questionId))).hasSize(1);
            // marking it read on instance A brings the count on B's stream down
            http.post("/api/v1/notifications/read-all", null, tokenOf(listener));
            await().atMost(WAIT).until(() -> lines.lastIndexOf("data:{\"count\":0}")
                    > lines.indexOf("data:{\"count\":1}"));
            stream.body().close();
        }
        // nobody can open a stream without a token
        assertThat(http.get("/api/v1/notifications/stream", null).status()).isEqualTo(401);
    }
}
