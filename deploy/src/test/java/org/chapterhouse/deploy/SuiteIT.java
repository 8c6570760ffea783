package org.chapterhouse.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.chapterhouse.deploy.local.DemoData;
import org.chapterhouse.support.testing.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * End to end: the five packaged services, the real Kafka broker and the wire-protocol store started by
 * {@code ./chapterhouse up} as separate processes, driven only through the gateway, as a volunteer's browser would.
 */
class SuiteIT {

    static final Http http = new Http(Suite.GATEWAY);
    static MongoClient store;

    @BeforeAll
    static void up() {
        Suite.run("down");
        Suite.run("up");
        store = MongoClients.create(Suite.MONGO);
    }

    @AfterAll
    static void down() {
        if (store != null) {
            store.close();
        }
        Suite.run("down");
    }

    /** A chapter of the test's own, an asker and a peer in it, signed in. */
    record Chapter(String id, String askerId, String asker, String peerId, String peer) {
    }

    static Chapter newChapter() {
        String admin = http.token(Suite.ADMIN_EMAIL, Suite.ADMIN_PASSWORD);
        String name = "E2E " + UUID.randomUUID().toString().substring(0, 8);
        String chapterId = http.post("/api/v1/chapters", Map.of("name", name, "regionId", "north-region"), admin)
                .json().get("id").asString();
        String askerEmail = "asker-" + chapterId + "@e2e.test";
        String peerEmail = "peer-" + chapterId + "@e2e.test";
        var asker = http.post("/api/v1/auth/register", Map.of("email", askerEmail, "password", "e2e password 1",
                "displayName", "Asker", "chapterId", chapterId), null);
        assertThat(asker.status()).as(asker.raw()).isEqualTo(201);
        var peer = http.post("/api/v1/auth/register", Map.of("email", peerEmail, "password", "e2e password 1",
                "displayName", "Peer", "chapterId", chapterId), null);
        assertThat(peer.status()).isEqualTo(201);
        return new Chapter(chapterId, asker.json().get("id").asString(), http.token(askerEmail, "e2e password 1"),
                peer.json().get("id").asString(), http.token(peerEmail, "e2e password 1"));
    }

    static List<JsonNode> inbox(String token) {
        JsonNode items = http.get("/api/v1/notifications?size=100", token).json().get("items");
        return StreamSupport.stream(items.spliterator(), false).toList();
    }

    static long notificationsAbout(String token, String questionId, String kind) {
        return inbox(token).stream().filter(n -> questionId.equals(n.get("questionId").asString())
                && kind.equals(n.get("kind").asString())).count();
    }

    static String ask(Chapter c, String title) {
        var r = http.post("/api/v1/questions", Map.of("title", title, "body", "What has worked for you?",
                "tags", List.of("e2e"), "chapterId", c.id()), c.asker());
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    @Test
    void theDemoNetworkIsLoadedAndItsPeopleCanSignIn() {
        assertThat(http.get("/api/v1/chapters", null).json().get("total").asLong()).isGreaterThanOrEqualTo(4);
        String milo = http.token("milo" + DemoData.DOMAIN, DemoData.PASSWORD);
        assertThat(http.get("/api/v1/questions?chapterId=riverside-homework-club", milo).json().get("total")
                .asLong()).isGreaterThanOrEqualTo(2);
        await().atMost(Duration.ofSeconds(60)).until(() -> !inbox(milo).isEmpty());
    }

    @Test
    void aQuestionAnAnswerAndAnAcceptanceReachTheRightInboxes() {
        Chapter c = newChapter();
        String questionId = ask(c, "How do you run a homework club with one volunteer?");

        await().atMost(Duration.ofSeconds(60)).until(() -> notificationsAbout(c.peer(), questionId,
                "QUESTION_POSTED") == 1);
        assertThat(notificationsAbout(c.asker(), questionId, "QUESTION_POSTED")).isZero();

        var answer = http.post("/api/v1/questions/" + questionId + "/answers",
                Map.of("body", "Pair the children up so they help each other."), c.peer());
        assertThat(answer.status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(60)).until(() -> notificationsAbout(c.asker(), questionId,
                "ANSWER_POSTED") == 1);

        var accepted = http.put("/api/v1/questions/" + questionId + "/accepted-answer",
                Map.of("answerId", answer.json().get("id").asString()), c.asker());
        assertThat(accepted.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> notificationsAbout(c.peer(), questionId,
                "ANSWER_ACCEPTED") == 1);

        // a member of another chapter sees neither the question nor anything about it
        String outsider = http.token("carlos" + DemoData.DOMAIN, DemoData.PASSWORD);
        assertThat(http.get("/api/v1/questions/" + questionId, outsider).status()).isEqualTo(404);
        assertThat(notificationsAbout(outsider, questionId, "QUESTION_POSTED")).isZero();
    }

    @Test
    void aQuestionPostedWhileTheBrokerIsDownIsKeptAndDeliveredOnceWhenItReturns() {
        Chapter c = newChapter();
        Suite.run("stop", "kafka");
        String questionId;
        try {
            questionId = ask(c, "Posted while the broker was away: is it kept?");
            MongoCollection<Document> questions = store.getDatabase("discussions").getCollection("questions");
            Document pending = questions.find(new Document("_id", questionId)).first();
            assertThat(pending).isNotNull();
            assertThat(pending.getList("outbox", Document.class)).hasSize(1);
            assertThat(http.get("/api/v1/questions/" + questionId, c.peer()).status()).isEqualTo(200);
        } finally {
            Suite.run("start", "kafka");
        }
        await().atMost(Duration.ofSeconds(120)).until(() -> notificationsAbout(c.peer(), questionId,
                "QUESTION_POSTED") == 1);
        MongoCollection<Document> questions = store.getDatabase("discussions").getCollection("questions");
        await().atMost(Duration.ofSeconds(60)).until(() -> questions.find(new Document("_id", questionId)).first()
                .getList("outbox", Document.class).isEmpty());
        // published at least once, notified exactly once
        assertThat(store.getDatabase("notifications").getCollection("notifications")
                .countDocuments(new Document("questionId", questionId).append("recipientId", c.peerId())))
                .isEqualTo(1);
    }

    /** Whether every partition the group reads has its committed offset at the end of the partition. */
    static boolean caughtUp(String group) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Suite.KAFKA))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            if (committed.isEmpty()) {
                return false;
            }
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get();
            return committed.entrySet().stream().allMatch(e -> e.getValue() != null
                    && e.getValue().offset() >= ends.get(e.getKey()).offset());
        }
    }

    @Test
    void theReferenceSubscriberGivesTheSameFiguresWhenTheStreamIsReplayed() throws Exception {
        Http analytics = new Http(Suite.ANALYTICS);
        await().atMost(Duration.ofSeconds(120)).until(() -> caughtUp("analytics-subscriber"));
        String weekly = analytics.get("/api/v1/analytics/weekly", null).raw();
        String leaders = analytics.get("/api/v1/analytics/leaders?limit=100", null).raw();
        JsonNode status = analytics.get("/api/v1/analytics/status", null).json();
        // the demo network: 6 questions, 3 accepted, 2 stories shared, all read from the stream
        assertThat(status.get("factsStored").asLong()).isGreaterThan(40);
        assertThat(weekly).contains("riverside-homework-club").contains("hillside-reading-circle");

        Suite.run("stop", "analytics");
        Suite.run("replay", "analytics-subscriber");
        Suite.run("start", "analytics");
        await().atMost(Duration.ofSeconds(120)).until(() -> caughtUp("analytics-subscriber"));

        assertThat(analytics.get("/api/v1/analytics/weekly", null).raw()).isEqualTo(weekly);
        assertThat(analytics.get("/api/v1/analytics/leaders?limit=100", null).raw()).isEqualTo(leaders);
        assertThat(analytics.get("/api/v1/analytics/status", null).json().get("factsStored").asLong())
                .isEqualTo(status.get("factsStored").asLong());
    }

    @Test
    void badInputThroughTheGatewayIsAProblemAndChangesNothing() {
        Chapter c = newChapter();
        long before = store.getDatabase("discussions").getCollection("questions").countDocuments();
        var r = http.post("/api/v1/questions", Map.of("title", "short", "body", "b", "tags", List.of(),
                "chapterId", c.id()), c.asker());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(http.get("/api/v1/questions", null).status()).isEqualTo(401);
        assertThat(store.getDatabase("discussions").getCollection("questions").countDocuments()).isEqualTo(before);
    }
}
