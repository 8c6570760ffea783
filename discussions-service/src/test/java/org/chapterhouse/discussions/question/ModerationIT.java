package org.chapterhouse.discussions.question;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.chapterhouse.discussions.events.ContentFlagged;
import org.chapterhouse.support.testing.EventContracts;
import org.chapterhouse.support.testing.Http;
import org.chapterhouse.support.testing.ServiceIntegrationTest;
import org.chapterhouse.support.testing.TestInfrastructure;
import org.chapterhouse.support.testing.TestTokens;
import org.chapterhouse.support.testing.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ServiceIntegrationTest
@Import(TestTokens.Config.class)
class ModerationIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    Http http;
    final String chapter = "mod-" + UUID.randomUUID().toString().substring(0, 8);
    final String asker = TestTokens.token("mo-asker", "Asha", Map.of(chapter, "VOLUNTEER"));
    final String member = TestTokens.token("mo-member", "Milo", Map.of(chapter, "VOLUNTEER"));
    final String another = TestTokens.token("mo-another", "Ana", Map.of(chapter, "MENTOR"));
    final String lead = TestTokens.token("mo-lead", "Lena", Map.of(chapter, "CHAPTER_LEAD"));
    final String otherLead = TestTokens.token("mo-olead", "Oli", Map.of("elsewhere", "CHAPTER_LEAD"));
    final String staff = TestTokens.token("mo-staff", "Sam", Map.of(), "STAFF");

    @BeforeEach
    void setUp() {
        http = new Http("http://localhost:" + port);
    }

    String ask(String title) {
        var r = http.post("/api/v1/questions", Map.of("title", title, "body", "Details of " + title,
                "tags", List.of("moderation"), "chapterId", chapter, "visibility", "NETWORK"), asker);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    List<String> queue(String token, String state) {
        var r = http.get("/api/v1/moderation/queue?chapterId=" + chapter + "&state=" + state, token);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        r.json().forEach(q -> ids.add(q.get("id").asString()));
        return ids;
    }

    @Test
    void aFlagIsRecordedOncePerMemberAndPublishedAsContentFlagged() throws Exception {
        String id = ask("Is this advert for a paid tutoring service allowed?");
        try (TopicProbe probe = new TopicProbe(TestInfrastructure.kafkaBootstrapServers(), ContentFlagged.TOPIC)) {
            var first = http.post("/api/v1/questions/" + id + "/flags", Map.of("reason", "SPAM"), member);
            assertThat(first.status()).as(first.raw()).isEqualTo(201);
            var again = http.post("/api/v1/questions/" + id + "/flags", Map.of("reason", "OFFENSIVE"), member);
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.json().get("alreadyFlagged").asBoolean()).isTrue();
            assertThat(http.post("/api/v1/questions/" + id + "/flags", Map.of("reason", "SPAM"), another).status())
                    .isEqualTo(201);

            await().atMost(Duration.ofSeconds(30)).until(() -> probe.records().stream()
                    .filter(r -> id.equals(r.key())).count() >= 2);
            var records = probe.records().stream().filter(r -> id.equals(r.key())).toList();
            assertThat(records).hasSize(2);
            for (var record : records) {
                assertThat(EventContracts.violations(ContentFlagged.TOPIC, record.value())).isEmpty();
            }
            JsonNode data = JSON.readTree(records.get(1).value()).get("data");
            assertThat(data.get("flaggedBy").asString()).isEqualTo("mo-another");
            assertThat(data.get("reason").asString()).isEqualTo("SPAM");
            assertThat(data.get("flagCount").asInt()).isEqualTo(2);
            assertThat(data.get("chapterId").asString()).isEqualTo(chapter);
        }
    }

    @Test
    void aChaptersLeadsSeeFlaggedPostsInTheirQueueAndNobodyElseDoes() {
        String id = ask("Can I bring my dog to the Saturday session?");
        String answer = http.post("/api/v1/questions/" + id + "/answers", Map.of("body", "Buy my course at x.biz"),
                another).json().get("id").asString();
        assertThat(http.post("/api/v1/answers/" + answer + "/flags", Map.of("reason", "SPAM"), member).status())
                .isEqualTo(201);

        assertThat(queue(lead, "flagged")).contains(id);
        assertThat(http.get("/api/v1/moderation/queue?chapterId=" + chapter, member).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/moderation/queue?chapterId=" + chapter, otherLead).status()).isEqualTo(403);
        JsonNode inQueue = http.get("/api/v1/moderation/queue?chapterId=" + chapter, lead).json().get(0);
        assertThat(inQueue.get("answers").get(0).get("moderation").get("flagCount").asInt()).isEqualTo(1);
        // members never see flag counts
        assertThat(http.get("/api/v1/questions/" + id, member).json().get("answers").get(0).get("moderation")
                .isNull()).isTrue();
    }

    @Test
    void aHiddenQuestionVanishesForEveryoneButModeratorsAndComesBackWhenRestored() {
        String title = "Selling raffle tickets outside the school gate " + UUID.randomUUID();
        String id = ask(title);
        assertThat(http.post("/api/v1/moderation/questions/" + id + "/hide", Map.of("note", "off-topic sales"),
                member).status()).isEqualTo(403);
        assertThat(http.post("/api/v1/moderation/questions/" + id + "/hide", Map.of(), otherLead).status())
                .isEqualTo(403);
        var hidden = http.post("/api/v1/moderation/questions/" + id + "/hide", Map.of("note", "off-topic sales"),
                lead);
        assertThat(hidden.status()).as(hidden.raw()).isEqualTo(200);

        for (String token : List.of(member, asker, otherLead)) {
            assertThat(http.get("/api/v1/questions/" + id, token).status()).isEqualTo(404);
            assertThat(http.get("/api/v1/questions?chapterId=" + chapter + "&size=100", token).raw())
                    .doesNotContain(id);
            assertThat(http.get("/api/v1/questions?q=raffle+tickets&chapterId=" + chapter, token).raw())
                    .doesNotContain(id);
            assertThat(http.post("/api/v1/questions/" + id + "/answers", Map.of("body", "me too"), token).status())
                    .isEqualTo(404);
        }
        assertThat(http.get("/api/v1/questions/" + id, lead).json().get("moderation").get("hidden").asBoolean())
                .isTrue();
        assertThat(http.get("/api/v1/questions/" + id, staff).status()).isEqualTo(200);
        assertThat(queue(lead, "hidden")).contains(id);

        assertThat(http.post("/api/v1/moderation/questions/" + id + "/restore", null, lead).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/questions/" + id, member).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/questions?q=raffle+tickets&chapterId=" + chapter, member).raw()).contains(id);
        assertThat(queue(lead, "hidden")).doesNotContain(id);
    }

    @Test
    void aHiddenAnswerVanishesFromTheQuestionPageAndCannotBeAccepted() {
        String id = ask("What should go in a first-aid kit?");
        String answer = http.post("/api/v1/questions/" + id + "/answers", Map.of("body", "Rude words"), another)
                .json().get("id").asString();
        assertThat(http.post("/api/v1/moderation/answers/" + answer + "/hide", Map.of(), lead).status())
                .isEqualTo(200);

        JsonNode seen = http.get("/api/v1/questions/" + id, member).json();
        assertThat(seen.get("answers")).isEmpty();
        assertThat(seen.get("answerCount").asInt()).isZero();
        assertThat(http.get("/api/v1/answers/" + answer, member).status()).isEqualTo(404);
        assertThat(http.put("/api/v1/questions/" + id + "/accepted-answer", Map.of("answerId", answer), asker)
                .status()).isEqualTo(422);
        assertThat(http.get("/api/v1/questions/" + id, lead).json().get("answers").get(0).get("moderation")
                .get("hidden").asBoolean()).isTrue();
    }

    @Test
    void rejectsBadFlagsWithAProblemAndStoresNothing() {
        String id = ask("How do we thank volunteers at the end of term?");
        var unknownReason = http.post("/api/v1/questions/" + id + "/flags", Map.of("reason", "BORING"), member);
        assertThat(unknownReason.status()).isEqualTo(400);
        assertThat(unknownReason.contentType()).startsWith("application/problem+json");
        assertThat(http.post("/api/v1/questions/" + id + "/flags", Map.of(), member).status()).isEqualTo(400);
        assertThat(http.post("/api/v1/questions/" + id + "/flags", Map.of("reason", "SPAM"), asker).status())
                .isEqualTo(403); // not your own post
        assertThat(http.post("/api/v1/questions/nope/flags", Map.of("reason", "SPAM"), member).status())
                .isEqualTo(404);
        assertThat(http.post("/api/v1/moderation/questions/" + id + "/hide", Map.of("note", "x".repeat(501)), lead)
                .status()).isEqualTo(400);
        assertThat(http.get("/api/v1/questions/" + id, lead).json().get("moderation").get("flagCount").asInt())
                .isZero();
        assertThat(queue(lead, "flagged")).doesNotContain(id);
    }
}
