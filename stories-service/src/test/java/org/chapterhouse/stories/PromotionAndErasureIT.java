package org.chapterhouse.stories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * Promotion of accepted answers, learnt from discussions' events only, and the anonymisation of erased members;
 * fed with the producers' golden samples.
 */
@ServiceIntegrationTest
@Import(TestTokens.Config.class)
class PromotionAndErasureIT {

    static final String QUESTION_POSTED = "discussions.question-posted.v1";
    static final String ANSWER_ACCEPTED = "discussions.answer-accepted.v1";
    static final String MEMBER_ERASED = "members.member-erased.v1";
    static final String DEAD_LETTER = "stories.dead-letter.v1";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    Http http;
    EventSender events;
    String chapter;
    String asker;
    String answerer;

    @BeforeEach
    void setUp() {
        http = new Http("http://localhost:" + port);
        events = new EventSender(TestInfrastructure.kafkaBootstrapServers());
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        chapter = "riverside-" + suffix;
        asker = "asker-" + suffix;
        answerer = "answerer-" + suffix;
    }

    @AfterEach
    void tearDown() {
        events.close();
    }

    @Test
    void readsTheGoldenSamplesAndPromotesTheAcceptedAnswerOnce() {
        events.sendRaw(QUESTION_POSTED, "57e177b7-526e-47ff-9fd7-a2a9da3f8972",
                EventContracts.goldenSample(QUESTION_POSTED));
        events.sendRaw(ANSWER_ACCEPTED, "57e177b7-526e-47ff-9fd7-a2a9da3f8972",
                EventContracts.goldenSample(ANSWER_ACCEPTED));
        JsonNode question = data(QUESTION_POSTED);
        JsonNode accepted = data(ANSWER_ACCEPTED);
        String questionId = question.get("questionId").asString();
        awaitPromotable(questionId);

        String askerToken = TestTokens.token(accepted.get("questionAuthorId").asString(), "Asha",
                Map.of(question.get("chapterId").asString(), "VOLUNTEER"));
        var promoted = http.post("/api/v1/stories/promotions", Map.of("questionId", questionId), askerToken);
        assertThat(promoted.status()).as(promoted.raw()).isEqualTo(201);
        String id = promoted.json().get("id").asString();
        assertThat(promoted.header("Location")).isEqualTo("/api/v1/stories/" + id);
        JsonNode draft = promoted.json();
        assertThat(draft.get("kind").asString()).isEqualTo("BEST_PRACTICE");
        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.get("title").asString()).isEqualTo(question.get("title").asString());
        assertThat(StoryEditingAndReviewIT.strings(draft.get("tags")))
                .containsExactly("homework-help", "focus", "ages-8-12");
        assertThat(draft.get("chapterId").asString()).isEqualTo(question.get("chapterId").asString());
        assertThat(draft.get("visibility").asString()).isEqualTo("NETWORK");
        assertThat(draft.get("source").get("questionId").asString()).isEqualTo(questionId);
        assertThat(draft.get("source").get("answerId").asString()).isEqualTo(accepted.get("answerId").asString());
        assertThat(draft.get("body").asString()).contains("/questions/" + questionId);
        assertThat(draft.get("bodyHtml").asString()).contains("href=\"/questions/" + questionId + "\"");
        assertThat(draft.get("author").get("id").asString()).isEqualTo(accepted.get("questionAuthorId").asString());

        String answererToken = TestTokens.token(accepted.get("answerAuthorId").asString(), "Ansel", Map.of());
        var again = http.post("/api/v1/stories/promotions", Map.of("questionId", questionId), answererToken);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().get("type").asString()).endsWith("/already-promoted");
        assertThat(again.header("Location")).isEqualTo("/api/v1/stories/" + id);
        assertThat(mongo.getCollection("stories").countDocuments(new Document("source.questionId", questionId)))
                .isEqualTo(1);
    }

    @Test
    void onlyTheAskerTheAnswerAuthorOrALeadPromotesAnAcceptedAnswerThatIsKnown() {
        String questionId = UUID.randomUUID().toString();
        String answerId = UUID.randomUUID().toString();
        String member = TestTokens.token("mo-" + chapter, "Mo", Map.of(chapter, "VOLUNTEER"));
        String lead = TestTokens.token("lin-" + chapter, "Lin", Map.of(chapter, "CHAPTER_LEAD"));
        String outsider = TestTokens.token("otto-" + chapter, "Otto", Map.of("elsewhere", "CHAPTER_LEAD"));
        Map<String, String> promote = Map.of("questionId", questionId);

        var unknown = http.post("/api/v1/stories/promotions", promote, lead);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");

        // the acceptance may arrive before the question: both are kept, in any order
        events.send(ANSWER_ACCEPTED, questionId, chapter, accepted(questionId, answerId, "CHAPTER"));
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.getCollection("known_questions")
                .countDocuments(new Document("_id", questionId)) == 1);
        assertThat(http.post("/api/v1/stories/promotions", promote, lead).status())
                .as("the question's title and tags are not known yet").isEqualTo(404);
        events.send(QUESTION_POSTED, questionId, chapter, question(questionId, "CHAPTER"));
        awaitPromotable(questionId);

        assertThat(http.post("/api/v1/stories/promotions", promote, outsider).status())
                .as("a CHAPTER question is not theirs to see").isEqualTo(404);
        var notEntitled = http.post("/api/v1/stories/promotions", promote, member);
        assertThat(notEntitled.status()).isEqualTo(403);
        assertThat(http.post("/api/v1/stories/promotions", Map.of("questionId", questionId, "extra", 1), lead)
                .status()).as("unknown fields").isEqualTo(400);
        assertThat(http.post("/api/v1/stories/promotions", Map.of(), lead).status()).isEqualTo(400);
        assertThat(mongo.getCollection("stories").countDocuments(new Document("source.questionId", questionId)))
                .isZero();

        var byLead = http.post("/api/v1/stories/promotions", promote, lead);
        assertThat(byLead.status()).as(byLead.raw()).isEqualTo(201);
        assertThat(byLead.json().get("visibility").asString()).isEqualTo("CHAPTER");
        assertThat(byLead.json().get("author").get("id").asString()).isEqualTo("lin-" + chapter);
    }

    @Test
    void twoPromotionsAtOnceMakeOneDraft() {
        String questionId = UUID.randomUUID().toString();
        events.send(QUESTION_POSTED, questionId, chapter, question(questionId, "NETWORK"));
        events.send(ANSWER_ACCEPTED, questionId, chapter, accepted(questionId, UUID.randomUUID().toString(),
                "NETWORK"));
        awaitPromotable(questionId);
        String askerToken = TestTokens.token(asker, "Asha", Map.of(chapter, "VOLUNTEER"));
        String answererToken = TestTokens.token(answerer, "Ansel", Map.of("elsewhere", "MENTOR"));

        var first = java.util.concurrent.CompletableFuture.supplyAsync(() ->
                http.post("/api/v1/stories/promotions", Map.of("questionId", questionId), askerToken));
        var second = java.util.concurrent.CompletableFuture.supplyAsync(() ->
                http.post("/api/v1/stories/promotions", Map.of("questionId", questionId), answererToken));
        List<Integer> statuses = List.of(first.join().status(), second.join().status());
        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        assertThat(mongo.getCollection("stories").countDocuments(new Document("source.questionId", questionId)))
                .isEqualTo(1);
    }

    @Test
    void anUnreadableRecordIsParkedInTheDeadLetterTopicAndTheNextOnesFlow() {
        String questionId = UUID.randomUUID().toString();
        try (TopicProbe dlq = new TopicProbe(TestInfrastructure.kafkaBootstrapServers(), DEAD_LETTER)) {
            events.sendRaw(ANSWER_ACCEPTED, questionId, "not a cloud event".getBytes(StandardCharsets.UTF_8));
            events.send(QUESTION_POSTED, questionId, chapter, question(questionId, "NETWORK"));
            events.send(ANSWER_ACCEPTED, questionId, chapter,
                    accepted(questionId, UUID.randomUUID().toString(), "NETWORK"));
            awaitPromotable(questionId);
            await().atMost(Duration.ofSeconds(60)).until(() -> dlq.records().stream()
                    .anyMatch(r -> questionId.equals(r.key())));
            ConsumerRecord<String, byte[]> parked = dlq.records().stream().filter(r -> questionId.equals(r.key()))
                    .findFirst().orElseThrow();
            assertThat(new String(parked.value(), StandardCharsets.UTF_8)).isEqualTo("not a cloud event");
            assertThat(new String(parked.headers().lastHeader("x-original-topic").value(), StandardCharsets.UTF_8))
                    .isEqualTo(ANSWER_ACCEPTED);
        }
    }

    @Test
    void anErasedMembersStoriesStayAuthoredByAFormerMember() {
        String surname = "Quinnell" + UUID.randomUUID().toString().substring(0, 4);
        String memberId = "ada-" + chapter;
        String ada = TestTokens.token(memberId, "Ada " + surname, Map.of(chapter, "VOLUNTEER"));
        String lead = TestTokens.token("lin-" + chapter, "Lin", Map.of(chapter, "CHAPTER_LEAD"));
        String reader = TestTokens.token("cy-" + chapter, "Cy", Map.of(chapter, "VOLUNTEER"));
        Map<String, Object> story = new HashMap<>();
        story.put("title", "Our first term of homework help");
        story.put("body", "What we tried.");
        story.put("kind", "SUCCESS_STORY");
        story.put("tags", List.of("homework-help"));
        story.put("chapterId", chapter);
        story.put("visibility", "PUBLIC");
        String published = http.post("/api/v1/stories", story, ada).json().get("id").asString();
        String etag = http.get("/api/v1/stories/" + published, ada).header("ETag");
        assertThat(http.patch("/api/v1/stories/" + published, Map.of("body", "What we tried, and what worked."),
                ada, Map.of("If-Match", etag)).status()).isEqualTo(200);
        http.post("/api/v1/stories/" + published + "/submission", null, ada);
        assertThat(http.post("/api/v1/stories/" + published + "/publication", null, lead).status()).isEqualTo(200);
        story.put("title", "A story the lead sent back");
        String returned = http.post("/api/v1/stories", story, ada).json().get("id").asString();
        http.post("/api/v1/stories/" + returned + "/submission", null, ada);
        http.post("/api/v1/stories/" + returned + "/return", Map.of("comment", "Add a photo"), lead);
        assertThat(http.get("/api/v1/stories/" + published, reader).json().get("author").get("displayName")
                .asString()).isEqualTo("Ada " + surname);

        Map<String, Object> erased = new HashMap<>(JSON.convertValue(data(MEMBER_ERASED), Map.class));
        erased.put("memberId", memberId);
        erased.put("chapterIds", List.of(chapter));
        events.send(MEMBER_ERASED, memberId, chapter, erased);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(http.get("/api/v1/stories/" + published, reader).json().get("author").get("displayName")
                        .asString()).isEqualTo("former member"));
        JsonNode stillThere = http.get("/api/v1/stories/" + published, null).json();
        assertThat(stillThere.get("body").asString()).isEqualTo("What we tried, and what worked.");
        assertThat(stillThere.get("author").get("id").asString()).isEqualTo(memberId);
        for (Document doc : mongo.getCollection("stories").find(new Document("authorId", memberId))) {
            assertThat(doc.toJson()).as("no trace of the name anywhere in the story, its revisions or review")
                    .doesNotContain(surname);
        }
        assertThat(mongo.getCollection("stories").countDocuments(new Document("authorId", memberId))).isEqualTo(2);
        assertThat(http.get("/feeds/stories.json", null).raw()).doesNotContain(surname);
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private void awaitPromotable(String questionId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Document q = mongo.getCollection("known_questions").find(new Document("_id", questionId)).first();
            return q != null && q.get("acceptedAnswerId") != null && q.get("title") != null;
        });
    }

    /** The golden sample's data, to vary per test (its own event id would be de-duplicated across tests). */
    private static JsonNode data(String topic) {
        return JSON.readTree(EventContracts.goldenSample(topic)).get("data");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> question(String questionId, String visibility) {
        Map<String, Object> q = new HashMap<>(JSON.convertValue(data(QUESTION_POSTED), Map.class));
        q.put("questionId", questionId);
        q.put("chapterId", chapter);
        q.put("authorId", asker);
        q.put("visibility", visibility);
        return q;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> accepted(String questionId, String answerId, String visibility) {
        Map<String, Object> a = new HashMap<>(JSON.convertValue(data(ANSWER_ACCEPTED), Map.class));
        a.put("questionId", questionId);
        a.put("answerId", answerId);
        a.put("chapterId", chapter);
        a.put("answerAuthorId", answerer);
        a.put("questionAuthorId", asker);
        a.put("acceptedBy", asker);
        a.put("visibility", visibility);
        return a;
    }
}
