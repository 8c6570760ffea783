package org.chapterhouse.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.chapterhouse.support.testing.EventContracts;
import org.chapterhouse.support.testing.EventSender;
import org.chapterhouse.support.testing.Http;
import org.chapterhouse.support.testing.ServiceIntegrationTest;
import org.chapterhouse.support.testing.TestInfrastructure;
import org.chapterhouse.support.testing.TestTokens;
import org.chapterhouse.support.testing.TopicProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

@ServiceIntegrationTest
@Import(TestTokens.Config.class)
class NotificationRoutingIT {

    static final String JOINED = "members.member-joined-chapter.v1";
    static final String QUESTION = "discussions.question-posted.v1";
    static final String ANSWER = "discussions.answer-posted.v1";
    static final String ACCEPTED = "discussions.answer-accepted.v1";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    Http http;
    EventSender events;
    // a chapter of each test's own, so tests do not see each other's notifications
    final String chapter = "ch-" + UUID.randomUUID().toString().substring(0, 8);
    final String asker = "asker-" + chapter;
    final String peer = "peer-" + chapter;
    final String outsider = "outsider-" + chapter;

    @BeforeEach
    void setUp() {
        http = new Http("http://localhost:" + port);
        events = new EventSender(TestInfrastructure.kafkaBootstrapServers());
        events.send(JOINED, asker, chapter, Map.of("memberId", asker, "chapterId", chapter, "role", "VOLUNTEER",
                "displayName", "Asha"));
        events.send(JOINED, peer, chapter, Map.of("memberId", peer, "chapterId", chapter, "role", "MENTOR",
                "displayName", "Milo"));
        events.send(JOINED, outsider, "elsewhere", Map.of("memberId", outsider, "chapterId", "elsewhere",
                "role", "VOLUNTEER", "displayName", "Olu"));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                mongo.getCollection("chapter_members").countDocuments(new org.bson.Document("chapterId", chapter)) == 2);
    }

    @AfterEach
    void tearDown() {
        events.close();
    }

    String tokenOf(String member) {
        return TestTokens.token(member, member, Map.of(chapter, "VOLUNTEER"));
    }

    JsonNode inbox(String member) {
        return http.get("/api/v1/notifications", tokenOf(member)).json();
    }

    Map<String, Object> question(String questionId) {
        return Map.of("questionId", questionId, "chapterId", chapter, "authorId", asker,
                "title", "How do you keep ten-year-olds focused?", "tags", List.of("focus"), "visibility", "CHAPTER");
    }

    @Test
    void tellsTheChaptersOtherMembersOfANewQuestionButNotTheAskerOrOutsiders() {
        String questionId = UUID.randomUUID().toString();
        events.send(QUESTION, questionId, chapter, question(questionId));
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(peer).get("total").asLong() == 1);
        JsonNode n = inbox(peer).get("items").get(0);
        assertThat(n.get("kind").asString()).isEqualTo("QUESTION_POSTED");
        assertThat(n.get("questionId").asString()).isEqualTo(questionId);
        assertThat(n.get("title").asString()).isEqualTo("How do you keep ten-year-olds focused?");
        assertThat(n.get("read").asBoolean()).isFalse();
        assertThat(inbox(asker).get("total").asLong()).isZero();
        assertThat(inbox(outsider).get("total").asLong()).isZero();

        // operations see it per topic and chapter, and the group's lag per topic
        String metrics = http.get("/actuator/prometheus", null).raw();
        assertThat(metrics.lines().filter(l -> l.startsWith("notifications_event_consumed_total{"))
                .filter(l -> l.contains("chapter=\"" + chapter + "\""))
                .filter(l -> l.contains("topic=\"" + QUESTION + "\""))).hasSize(1);
        assertThat(metrics).contains("spring_cloud_stream_binder_kafka_offset{")
                .contains("kafka_consumer_fetch_manager_records_lag_max{");
    }

    @Test
    void aRedeliveredEventNeverMakesASecondNotification() {
        String questionId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        events.send(QUESTION, questionId, chapter, question(questionId), eventId);
        events.send(QUESTION, questionId, chapter, question(questionId), eventId);
        String marker = UUID.randomUUID().toString();
        events.send(QUESTION, marker, chapter, question(marker));
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(peer).get("total").asLong() == 2);
        assertThat(mongo.getCollection("notifications").countDocuments(
                new org.bson.Document("eventId", eventId))).isEqualTo(1);
    }

    @Test
    void tellsTheAskerOfAnAnswerAndTheAnswererOfAcceptanceButNobodyOfTheirOwnActions() {
        String questionId = UUID.randomUUID().toString();
        events.send(QUESTION, questionId, chapter, question(questionId));
        events.send(ANSWER, questionId, chapter, Map.of("questionId", questionId, "answerId", "a1",
                "chapterId", chapter, "authorId", peer, "questionAuthorId", asker, "visibility", "CHAPTER"));
        events.send(ANSWER, questionId, chapter, Map.of("questionId", questionId, "answerId", "a2",
                "chapterId", chapter, "authorId", asker, "questionAuthorId", asker, "visibility", "CHAPTER"));
        events.send(ACCEPTED, questionId, chapter, Map.of("questionId", questionId, "answerId", "a1",
                "chapterId", chapter, "answerAuthorId", peer, "acceptedBy", asker, "questionAuthorId", asker,
                "visibility", "CHAPTER"));
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(asker).get("total").asLong() == 1
                && inbox(peer).get("total").asLong() == 2);
        JsonNode askers = inbox(asker).get("items").get(0);
        assertThat(askers.get("kind").asString()).isEqualTo("ANSWER_POSTED");
        assertThat(askers.get("answerId").asString()).isEqualTo("a1");
        assertThat(askers.get("title").asString()).isEqualTo("How do you keep ten-year-olds focused?");
        assertThat(inbox(peer).get("items").get(0).get("kind").asString()).isEqualTo("ANSWER_ACCEPTED");
    }

    @Test
    void parksAPoisonRecordInTheDeadLetterTopicAndKeepsGoing() {
        try (TopicProbe dlq = new TopicProbe(TestInfrastructure.kafkaBootstrapServers(),
                "notifications.dead-letter.v1")) {
            String poisonKey = "poison-" + chapter;
            events.sendRaw(QUESTION, poisonKey, "this is not a cloud event".getBytes());
            String questionId = UUID.randomUUID().toString();
            events.send(QUESTION, questionId, chapter, question(questionId));
            await().atMost(Duration.ofSeconds(60)).until(() -> inbox(peer).get("total").asLong() == 1);
            await().atMost(Duration.ofSeconds(60)).until(() -> dlq.records().stream()
                    .anyMatch(r -> poisonKey.equals(r.key())));
            var parked = dlq.records().stream().filter(r -> poisonKey.equals(r.key())).findFirst().orElseThrow();
            assertThat(new String(parked.headers().lastHeader("x-original-topic").value())).isEqualTo(QUESTION);
            assertThat(new String(parked.value())).isEqualTo("this is not a cloud event");
        }
    }

    @Test
    void membersReadAndMarkOnlyTheirOwnNotifications() {
        String q1 = UUID.randomUUID().toString();
        String q2 = UUID.randomUUID().toString();
        events.send(QUESTION, q1, chapter, question(q1));
        events.send(QUESTION, q2, chapter, question(q2));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                http.get("/api/v1/notifications/unread-count", tokenOf(peer)).json().get("count").asLong() == 2);
        String first = inbox(peer).get("items").get(0).get("id").asString();

        assertThat(http.post("/api/v1/notifications/" + first + "/read", null, tokenOf(outsider)).status())
                .isEqualTo(404);
        assertThat(http.post("/api/v1/notifications/" + first + "/read", null, tokenOf(peer)).status())
                .isEqualTo(204);
        assertThat(http.get("/api/v1/notifications/unread-count", tokenOf(peer)).json().get("count").asLong())
                .isEqualTo(1);
        assertThat(http.get("/api/v1/notifications?unread=true", tokenOf(peer)).json().get("total").asLong())
                .isEqualTo(1);
        assertThat(http.post("/api/v1/notifications/read-all", null, tokenOf(peer)).json().get("updated").asLong())
                .isEqualTo(1);
        assertThat(http.get("/api/v1/notifications/unread-count", tokenOf(peer)).json().get("count").asLong())
                .isZero();
        assertThat(http.get("/api/v1/notifications?size=0", tokenOf(peer)).status()).isEqualTo(400);
    }

    @Test
    void readsTheProducersGoldenSamples() {
        // the samples tell one story: Tomás joins Riverside, Ada asks, Tomás answers, Ada accepts his answer
        String tomas = "b387e8d9-b373-49b4-9a23-bb1ad30211e2";
        String ada = "9c845881-e39d-475c-8290-2a04ae0fe9c2";
        for (String topic : List.of(JOINED, QUESTION, ANSWER, ACCEPTED)) {
            events.sendRaw(topic, "golden", EventContracts.goldenSample(topic));
        }
        String tomasToken = TestTokens.token(tomas, "Tomás", Map.of("riverside-homework-club", "MENTOR"));
        String adaToken = TestTokens.token(ada, "Ada", Map.of("riverside-homework-club", "VOLUNTEER"));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                http.get("/api/v1/notifications", tomasToken).json().get("total").asLong() == 2
                        && http.get("/api/v1/notifications", adaToken).json().get("total").asLong() == 1);
        List<String> tomasKinds = new java.util.ArrayList<>();
        http.get("/api/v1/notifications", tomasToken).json().get("items")
                .forEach(n -> tomasKinds.add(n.get("kind").asString()));
        assertThat(tomasKinds).containsExactlyInAnyOrder("QUESTION_POSTED", "ANSWER_ACCEPTED");
        assertThat(http.get("/api/v1/notifications", adaToken).json().get("items").get(0).get("kind").asString())
                .isEqualTo("ANSWER_POSTED");
    }
}
