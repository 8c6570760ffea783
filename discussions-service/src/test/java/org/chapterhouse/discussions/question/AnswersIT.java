package org.chapterhouse.discussions.question;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.chapterhouse.discussions.events.AnswerUnaccepted;
import org.chapterhouse.support.testing.EventContracts;
import org.chapterhouse.support.testing.EventSender;
import org.chapterhouse.support.testing.TopicProbe;
import org.chapterhouse.support.testing.Http;
import org.chapterhouse.support.testing.ServiceIntegrationTest;
import org.chapterhouse.support.testing.TestInfrastructure;
import org.chapterhouse.support.testing.TestTokens;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

@ServiceIntegrationTest
@Import(TestTokens.Config.class)
class AnswersIT {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    Http http;
    final String chapter = "ans-" + UUID.randomUUID().toString().substring(0, 8);
    final String asker = TestTokens.token("an-asker", "Asha", Map.of(chapter, "VOLUNTEER"));
    final String mentor = TestTokens.token("an-mentor", "Milo", Map.of(chapter, "MENTOR"));
    final String lead = TestTokens.token("an-lead", "Lena", Map.of(chapter, "CHAPTER_LEAD"));
    final String other = TestTokens.token("an-other", "Olu", Map.of(chapter, "VOLUNTEER"));

    @BeforeEach
    void setUp() {
        http = new Http("http://localhost:" + port);
    }

    String ask() {
        return http.post("/api/v1/questions", Map.of("title", "Which snacks are allowed at club?", "body", "Allergies",
                "tags", List.of("food"), "chapterId", chapter), asker).json().get("id").asString();
    }

    String answer(String questionId, String token, String body) {
        var r = http.post("/api/v1/questions/" + questionId + "/answers", Map.of("body", body), token);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        assertThat(r.header("Location")).isEqualTo("/api/v1/answers/" + r.json().get("id").asString());
        return r.json().get("id").asString();
    }

    @Test
    void theAuthorEditsAnAnswerWithItsETagAndTheEarlierBodyIsKept() {
        String q = ask();
        String a = answer(q, mentor, "Fruit only");
        String etag = http.get("/api/v1/answers/" + a, asker).header("ETag");
        assertThat(etag).isEqualTo("\"0\"");

        var edited = http.patch("/api/v1/answers/" + a, Map.of("body", "Fruit and rice cakes"), mentor,
                Map.of("If-Match", etag));
        assertThat(edited.status()).as(edited.raw()).isEqualTo(200);
        assertThat(edited.header("ETag")).isEqualTo("\"1\"");
        assertThat(edited.json().get("editedAt").isNull()).isFalse();
        var stale = http.patch("/api/v1/answers/" + a, Map.of("body", "Nothing"), mentor, Map.of("If-Match", etag));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(http.patch("/api/v1/answers/" + a, Map.of("body", "Nothing"), mentor).status()).isEqualTo(428);
        assertThat(http.patch("/api/v1/answers/" + a, Map.of("body", "Mine now"), other, Map.of("If-Match", "\"1\""))
                .status()).isEqualTo(403);
        assertThat(http.patch("/api/v1/answers/" + a, Map.of("body", " "), mentor, Map.of("If-Match", "\"1\""))
                .status()).isEqualTo(400);
        // a lead moderates
        assertThat(http.patch("/api/v1/answers/" + a, Map.of("body", "Fruit (edited by a lead)"), lead,
                Map.of("If-Match", "\"1\"")).status()).isEqualTo(200);

        var revisions = http.get("/api/v1/answers/" + a + "/revisions", asker).json();
        assertThat(revisions.get(0).get("body").asString()).isEqualTo("Fruit and rice cakes");
        assertThat(revisions.get(1).get("body").asString()).isEqualTo("Fruit only");
        assertThat(http.get("/api/v1/questions/" + q, asker).json().get("answers").get(0).get("body").asString())
                .isEqualTo("Fruit (edited by a lead)");
    }

    @Test
    void theAskerWithdrawsAnAcceptanceAndTheQuestionIsUnansweredAgain() {
        String q = ask();
        String a = answer(q, mentor, "Check with parents first");
        assertThat(http.put("/api/v1/questions/" + q + "/accepted-answer", Map.of("answerId", a), asker).status())
                .isEqualTo(200);
        assertThat(http.delete("/api/v1/questions/" + q + "/accepted-answer", other).status()).isEqualTo(403);

        var withdrawn = http.delete("/api/v1/questions/" + q + "/accepted-answer", asker);
        assertThat(withdrawn.status()).as(withdrawn.raw()).isEqualTo(200);
        try (TopicProbe probe = new TopicProbe(TestInfrastructure.kafkaBootstrapServers(), AnswerUnaccepted.TOPIC)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> probe.records().stream()
                    .anyMatch(r -> q.equals(r.key())));
            var record = probe.records().stream().filter(r -> q.equals(r.key())).findFirst().orElseThrow();
            assertThat(EventContracts.violations(AnswerUnaccepted.TOPIC, record.value())).isEmpty();
            assertThat(new String(record.value())).contains("\"withdrawnBy\":\"an-asker\"")
                    .contains("\"answerId\":\"" + a + "\"");
        }
        assertThat(withdrawn.json().get("status").asString()).isEqualTo("unanswered");
        assertThat(withdrawn.json().get("acceptedAnswerId").isNull()).isTrue();
        assertThat(http.get("/api/v1/questions?chapterId=" + chapter + "&status=unanswered", asker).raw())
                .contains(q);
        // withdrawing again changes nothing
        assertThat(http.delete("/api/v1/questions/" + q + "/accepted-answer", lead).status()).isEqualTo(200);
    }

    @Test
    void anErasedMembersPostsStayReadableAuthoredByAFormerMember() {
        String erased = "an-erased-" + UUID.randomUUID();
        String token = TestTokens.token(erased, "Ezra Erasable", Map.of(chapter, "VOLUNTEER"));
        String q = http.post("/api/v1/questions", Map.of("title", "How do I log my volunteering hours?",
                "body", "For my award", "tags", List.of("hours"), "chapterId", chapter), token).json().get("id")
                .asString();
        String otherQ = ask();
        answer(otherQ, token, "Use the sheet by the door");

        try (EventSender events = new EventSender(TestInfrastructure.kafkaBootstrapServers())) {
            events.send("members.member-erased.v1", erased, chapter,
                    Map.of("memberId", erased, "erasedAt", "2026-12-01T10:00:00Z", "chapterIds", List.of(chapter)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> "former member".equals(
                http.get("/api/v1/questions/" + q, asker).json().get("authorName").asString()));
        assertThat(http.get("/api/v1/questions/" + otherQ, asker).json().get("answers").get(0).get("authorName")
                .asString()).isEqualTo("former member");
        await().atMost(Duration.ofSeconds(10)).until(() -> http.get("/api/v1/questions?chapterId=" + chapter
                + "&q=volunteering+hours", asker).json().get("items").get(0).get("authorName").asString()
                .equals("former member"));
        // no trace of the name anywhere in the service's store
        for (String collection : mongo.getCollectionNames()) {
            for (Document d : mongo.findAll(Document.class, collection)) {
                assertThat(d.toJson()).as(collection).doesNotContain("Ezra Erasable");
            }
        }
        assertThat(mongo.count(Query.query(Criteria.where("authorId").is(erased)), "questions")).isEqualTo(1);
    }
}
