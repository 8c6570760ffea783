package org.chapterhouse.discussions.question;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.chapterhouse.discussions.events.AnswerAccepted;
import org.chapterhouse.discussions.events.AnswerPosted;
import org.chapterhouse.discussions.events.QuestionPosted;
import org.chapterhouse.support.testing.EventContracts;
import org.chapterhouse.support.testing.Http;
import org.chapterhouse.support.testing.ServiceIntegrationTest;
import org.chapterhouse.support.testing.TestInfrastructure;
import org.chapterhouse.support.testing.TestTokens;
import org.chapterhouse.support.testing.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ServiceIntegrationTest
@Import(TestTokens.Config.class)
class QuestionsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    Http http;
    final String asker = TestTokens.token("m-asker", "Asha", Map.of("riverside", "VOLUNTEER"));
    final String mentor = TestTokens.token("m-mentor", "Milo", Map.of("riverside", "MENTOR"));
    final String lead = TestTokens.token("m-lead", "Lena", Map.of("riverside", "CHAPTER_LEAD"));
    final String outsider = TestTokens.token("m-out", "Olu", Map.of("hillside", "VOLUNTEER"));

    @BeforeEach
    void setUp() {
        http = new Http("http://localhost:" + port);
    }

    private String ask(String token, String visibility) {
        var r = http.post("/api/v1/questions", Map.of("title", "How do you keep ten-year-olds focused?",
                "body", "After 30 minutes of homework club they drift off.", "tags", List.of("Homework Help", "focus"),
                "chapterId", "riverside", "visibility", visibility), token);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    @Test
    void postsAQuestionAndPublishesQuestionPostedAsACloudEvent() {
        String id = ask(asker, "CHAPTER");
        JsonNode q = http.get("/api/v1/questions/" + id, mentor).json();
        assertThat(q.get("authorId").asString()).isEqualTo("m-asker");
        assertThat(q.get("tags").toString()).isEqualTo("[\"homework-help\",\"focus\"]");
        assertThat(q.get("status").asString()).isEqualTo("unanswered");

        try (TopicProbe probe = new TopicProbe(TestInfrastructure.kafkaBootstrapServers(), QuestionPosted.TOPIC)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> probe.records().stream()
                    .anyMatch(r -> id.equals(r.key())));
            JsonNode event = JSON.readTree(probe.records().stream().filter(r -> id.equals(r.key())).findFirst()
                    .orElseThrow().value());
            assertThat(EventContracts.violations(QuestionPosted.TOPIC, probe.records().stream()
                    .filter(r -> id.equals(r.key())).findFirst().orElseThrow().value())).isEmpty();
            assertThat(event.get("type").asString()).isEqualTo("org.chapterhouse.discussions.QuestionPosted.v1");
            assertThat(event.get("dataschema").asString())
                    .isEqualTo("https://chapterhouse.example/schemas/discussions/question-posted.v1.json");
            assertThat(event.get("chapterid").asString()).isEqualTo("riverside");
            assertThat(event.get("data").get("authorId").asString()).isEqualTo("m-asker");
            assertThat(event.get("data").has("body")).isFalse();
        }
        String metrics = http.get("/actuator/prometheus", null).raw();
        assertThat(metrics.lines().filter(l -> l.startsWith("discussions_event_published_total{"))
                .filter(l -> l.contains("chapter=\"riverside\"") && l.contains("topic=\"" + QuestionPosted.TOPIC + "\"")))
                .hasSize(1);
    }

    @Test
    void keepsChapterQuestionsFromMembersOfOtherChapters() {
        String chapterOnly = ask(asker, "CHAPTER");
        String network = ask(asker, "NETWORK");
        assertThat(http.get("/api/v1/questions/" + chapterOnly, outsider).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/questions/" + network, outsider).status()).isEqualTo(200);
        JsonNode list = http.get("/api/v1/questions?chapterId=riverside&size=100", outsider).json();
        List<String> ids = new ArrayList<>();
        list.get("items").forEach(i -> ids.add(i.get("id").asString()));
        assertThat(ids).contains(network).doesNotContain(chapterOnly);
        assertThat(http.post("/api/v1/questions/" + chapterOnly + "/answers", Map.of("body", "me!"), outsider)
                .status()).isEqualTo(404);
    }

    @Test
    void previewsMarkdownAsItWillBeShownWithoutStoringAnything() {
        long before = mongo.getCollection("questions").countDocuments();
        var r = http.post("/api/v1/questions/preview",
                Map.of("body", "**Focus** tips <script>alert(1)</script> [x](javascript:alert(1))"), asker);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        String html = r.json().get("html").asString();
        assertThat(html).contains("<strong>Focus</strong>").doesNotContain("<script").doesNotContain("javascript:");
        assertThat(http.post("/api/v1/questions/preview", Map.of("body", "x".repeat(20_001)), asker).status())
                .isEqualTo(400);
        assertThat(http.post("/api/v1/questions/preview", Map.of("body", "hi"), null).status()).isEqualTo(401);
        assertThat(mongo.getCollection("questions").countDocuments()).isEqualTo(before);
    }

    @Test
    void refusesToPostInAChapterTheAskerIsNotIn() {
        var r = http.post("/api/v1/questions", Map.of("title", "A question for the hill people", "body", "b",
                "tags", List.of("x"), "chapterId", "hillside"), asker);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    @Test
    void rejectsBadQuestionsWithProblemDetailsAndStoresNothing() {
        long before = mongo.getCollection("questions").countDocuments();
        List<Object> bad = List.of(
                Map.of("title", "short", "body", "b", "tags", List.of("x"), "chapterId", "riverside"),
                Map.of("title", "A long enough title", "body", "b", "tags", List.of(), "chapterId", "riverside"),
                Map.of("title", "A long enough title", "body", "b", "tags", List.of("a", "b", "c", "d", "e", "f"),
                        "chapterId", "riverside"),
                Map.of("title", "A long enough title", "body", "b", "tags", List.of("no/slashes"),
                        "chapterId", "riverside"),
                Map.of("title", "A long enough title", "body", "x".repeat(20_001), "tags", List.of("a"),
                        "chapterId", "riverside"),
                Map.of("title", "A long enough title", "body", "b", "tags", List.of("a"), "chapterId", "riverside",
                        "authorId", "someone-else"),
                Map.of("title", "A long enough title", "body", "b", "tags", List.of("a"), "chapterId", "riverside",
                        "visibility", "PUBLIC"));
        for (Object body : bad) {
            var r = http.post("/api/v1/questions", body, asker);
            assertThat(r.status()).as(r.raw()).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
        var huge = http.post("/api/v1/questions", Map.of("title", "A long enough title", "body", "x".repeat(70_000),
                "tags", List.of("a"), "chapterId", "riverside"), asker);
        assertThat(huge.status()).isEqualTo(413);
        assertThat(http.get("/api/v1/questions?size=101", asker).status()).isEqualTo(400);
        assertThat(http.get("/api/v1/questions?status=maybe", asker).status()).isEqualTo(400);
        assertThat(mongo.getCollection("questions").countDocuments()).isEqualTo(before);
    }

    @Test
    void answersAndAcceptanceArePublishedAndOnlyTheAskerOrALeadMayAccept() {
        String id = ask(asker, "CHAPTER");
        var answer = http.post("/api/v1/questions/" + id + "/answers",
                Map.of("body", "Short bursts: 10 minutes, then a game."), mentor);
        assertThat(answer.status()).isEqualTo(201);
        String answerId = answer.json().get("id").asString();

        var byMentor = http.put("/api/v1/questions/" + id + "/accepted-answer", Map.of("answerId", answerId), mentor);
        assertThat(byMentor.status()).isEqualTo(403);
        var unknown = http.put("/api/v1/questions/" + id + "/accepted-answer", Map.of("answerId", "nope"), asker);
        assertThat(unknown.status()).isEqualTo(422);

        var accepted = http.put("/api/v1/questions/" + id + "/accepted-answer", Map.of("answerId", answerId), asker);
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.json().get("status").asString()).isEqualTo("answered");
        // accepting the same answer again is a no-op, not a second event
        assertThat(http.put("/api/v1/questions/" + id + "/accepted-answer", Map.of("answerId", answerId), lead)
                .status()).isEqualTo(200);

        try (TopicProbe probe = new TopicProbe(TestInfrastructure.kafkaBootstrapServers(), AnswerPosted.TOPIC,
                AnswerAccepted.TOPIC)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> probe.records().stream()
                    .filter(r -> id.equals(r.key())).count() >= 2);
            var mine = probe.records().stream().filter(r -> id.equals(r.key())).toList();
            // what the producer emits validates against its published schema
            mine.forEach(r -> assertThat(EventContracts.violations(r.topic(), r.value())).as(r.topic()).isEmpty());
            assertThat(mine).extracting(r -> r.topic()).containsExactly(AnswerPosted.TOPIC, AnswerAccepted.TOPIC);
            JsonNode acceptedEvent = JSON.readTree(mine.get(1).value()).get("data");
            assertThat(acceptedEvent.get("answerAuthorId").asString()).isEqualTo("m-mentor");
            assertThat(acceptedEvent.get("acceptedBy").asString()).isEqualTo("m-asker");
            assertThat(JSON.readTree(mine.get(0).value()).get("data").get("questionAuthorId").asString())
                    .isEqualTo("m-asker");
        }
    }

    @Test
    void concurrentAcceptsLeaveOneAcceptedAnswerAndOneEventPerChange() throws Exception {
        String id = ask(asker, "CHAPTER");
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answers.add(http.post("/api/v1/questions/" + id + "/answers", Map.of("body", "answer " + i), mentor)
                    .json().get("id").asString());
        }
        var pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> results = new ArrayList<>();
        for (String a : answers) {
            Callable<Integer> accept = () -> http.put("/api/v1/questions/" + id + "/accepted-answer",
                    Map.of("answerId", a), a.equals(answers.get(0)) ? lead : asker).status();
            results.add(pool.submit(accept));
        }
        for (Future<Integer> f : results) {
            assertThat(f.get()).isIn(200, 409);
        }
        pool.shutdown();
        JsonNode q = http.get("/api/v1/questions/" + id, asker).json();
        String acceptedId = q.get("acceptedAnswerId").asString();
        assertThat(answers).contains(acceptedId);
        long acceptedFlags = 0;
        for (JsonNode a : q.get("answers")) {
            acceptedFlags += a.get("accepted").asBoolean() ? 1 : 0;
        }
        assertThat(acceptedFlags).isEqualTo(1);
        // every successful change was recorded as exactly one AnswerAccepted, chained by previousAnswerId
        try (TopicProbe probe = new TopicProbe(TestInfrastructure.kafkaBootstrapServers(), AnswerAccepted.TOPIC)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> mongo.getCollection("questions")
                    .countDocuments(new org.bson.Document("_id", id).append("outbox.0",
                            new org.bson.Document("$exists", true))) == 0);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                var events = probe.records().stream().filter(r -> id.equals(r.key()))
                        .map(r -> JSON.readTree(r.value()).get("data")).toList();
                return !events.isEmpty()
                        && events.get(events.size() - 1).get("answerId").asString().equals(acceptedId);
            });
            var events = probe.records().stream().filter(r -> id.equals(r.key()))
                    .map(r -> JSON.readTree(r.value()).get("data")).toList();
            assertThat(events.get(0).get("previousAnswerId").isNull()).isTrue();
            for (int i = 1; i < events.size(); i++) {
                assertThat(events.get(i).get("previousAnswerId").asString())
                        .isEqualTo(events.get(i - 1).get("answerId").asString());
            }
        }
    }

    @Test
    void servesBodiesAsSanitisedHtmlWithNoScriptHandlerOrScriptUrl() {
        String xss = "**Tip** <script>alert(1)</script> <img src=x onerror=alert(1)> [a](javascript:alert(1)) "
                + "[guide](https://example.org/guide)";
        var posted = http.post("/api/v1/questions", Map.of("title", "Is this markup kept safe for readers?",
                "body", xss, "tags", List.of("safety"), "chapterId", "riverside"), asker);
        assertThat(posted.status()).isEqualTo(201);
        String id = posted.json().get("id").asString();
        http.post("/api/v1/questions/" + id + "/answers", Map.of("body", xss), mentor);
        JsonNode q = http.get("/api/v1/questions/" + id, mentor).json();
        assertThat(q.get("body").asString()).isEqualTo(xss); // the Markdown is kept as written
        for (String html : List.of(q.get("bodyHtml").asString(), q.get("answers").get(0).get("bodyHtml").asString())) {
            assertThat(html).contains("<strong>Tip</strong>").doesNotContain("<script").doesNotContain("<img")
                    .doesNotContainPattern("<[a-z][^>]*\\son[a-z]+\\s*=").doesNotContain("href=\"javascript:")
                    .containsPattern("<a href=\"https://example.org/guide\" rel=\"(nofollow ugc|ugc nofollow)\"");
        }
    }

    @Test
    void readsQuestionsStoredBeforeVotesAndEditsExisted() {
        // the shape 0.1.0's first release wrote: no score, votes, revision or revisions
        String id = java.util.UUID.randomUUID().toString();
        mongo.getCollection("questions").insertOne(new org.bson.Document("_id", id).append("chapterId", "riverside")
                .append("authorId", "m-asker").append("authorName", "Asha").append("title", "An old question here")
                .append("body", "stored long ago").append("tags", List.of("old")).append("visibility", "CHAPTER")
                .append("answers", List.of(new org.bson.Document("answerId", "a-old").append("authorId", "m-mentor")
                        .append("body", "old answer").append("createdAt", new java.util.Date()).append("score", 0)))
                .append("answerCount", 1).append("createdAt", new java.util.Date())
                .append("lastActivityAt", new java.util.Date()).append("outbox", List.of()));
        var r = http.get("/api/v1/questions/" + id, mentor);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.json().get("score").asInt()).isZero();
        assertThat(r.header("ETag")).isEqualTo("\"0\"");
        assertThat(http.get("/api/v1/questions?chapterId=riverside&size=100", mentor).status()).isEqualTo(200);
        assertThat(http.post("/api/v1/questions/" + id + "/votes", Map.of("value", 1), mentor).json().get("score")
                .asInt()).isEqualTo(1);
        assertThat(http.post("/api/v1/answers/a-old/votes", Map.of("value", 1), lead).json().get("score").asInt())
                .isEqualTo(1);
    }

    @Test
    void rejectsForgedAndExpiredTokens() {
        assertThat(http.get("/api/v1/questions", TestTokens.forged("m-asker", Map.of("riverside", "CHAPTER_LEAD")))
                .status()).isEqualTo(401);
        assertThat(http.get("/api/v1/questions", TestTokens.expired("m-asker", Map.of("riverside", "VOLUNTEER")))
                .status()).isEqualTo(401);
        assertThat(http.get("/api/v1/questions", null).status()).isEqualTo(401);
    }
}
