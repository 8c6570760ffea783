package org.chapterhouse.stories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.chapterhouse.stories.events.StoryShared;
import org.chapterhouse.stories.events.StorySubmitted;
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

/**
 * stories-service whole, against the real broker and Mongo. It is not the token issuer: {@link TestTokens} signs
 * tokens with a key of the test's own and its {@code Config} gives the service a decoder that trusts that key, in
 * place of the JWKS-backed one.
 */
@ServiceIntegrationTest
@Import(TestTokens.Config.class)
class StoryWorkflowIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    Http http;
    /** a chapter of this test alone, so tests never see each other's stories */
    String riverside;
    String hillside;
    String ada;
    String lead;
    String outsider;

    @BeforeEach
    void setUp() {
        http = new Http("http://localhost:" + port);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        riverside = "riverside-" + suffix;
        hillside = "hillside-" + suffix;
        ada = TestTokens.token("ada-" + suffix, "Ada", Map.of(riverside, "VOLUNTEER"));
        lead = TestTokens.token("lin-" + suffix, "Lin", Map.of(riverside, "CHAPTER_LEAD"));
        outsider = TestTokens.token("otto-" + suffix, "Otto", Map.of(hillside, "VOLUNTEER"));
    }

    @Test
    void aDraftIsSubmittedAndPublishedByALeadAndSharedAsACloudEvent() {
        var created = http.post("/api/v1/stories", story("How we kept ten-year-olds focused", "NETWORK",
                List.of("Homework Help", "homework-help", "STEM"), false, false), ada);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/v1/stories/" + id);
        assertThat(created.json().get("status").asString()).isEqualTo("DRAFT");
        assertThat(created.json().get("author").get("id").asString()).startsWith("ada-");
        assertThat(created.json().get("author").get("displayName").asString()).isEqualTo("Ada");
        assertThat(strings(created.json().get("tags"))).containsExactly("homework-help", "stem");

        assertThat(http.get("/api/v1/stories/" + id, lead).status())
                .as("a draft is its author's alone").isEqualTo(404);

        var submitted = http.post("/api/v1/stories/" + id + "/submission", null, ada);
        assertThat(submitted.status()).as(submitted.raw()).isEqualTo(200);
        assertThat(submitted.json().get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(http.get("/api/v1/stories/" + id, lead).json().get("status").asString()).isEqualTo("SUBMITTED");

        var published = http.post("/api/v1/stories/" + id + "/publication", null, lead);
        assertThat(published.status()).as(published.raw()).isEqualTo(200);
        assertThat(published.json().get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(published.json().get("publishedBy").asString()).startsWith("lin-");
        assertThat(published.json().get("publishedAt").isNull()).isFalse();

        try (TopicProbe probe = new TopicProbe(TestInfrastructure.kafkaBootstrapServers(),
                StorySubmitted.TOPIC, StoryShared.TOPIC)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> probe.records().stream()
                    .filter(r -> id.equals(r.key())).count() == 2);
            List<ConsumerRecord<String, byte[]>> mine = probe.records().stream().filter(r -> id.equals(r.key()))
                    .toList();
            // what the producer emits validates against its published schema
            mine.forEach(r -> assertThat(EventContracts.violations(r.topic(), r.value())).as(r.topic()).isEmpty());
            ConsumerRecord<String, byte[]> sharedRecord = mine.stream()
                    .filter(r -> r.topic().equals(StoryShared.TOPIC)).findFirst().orElseThrow();
            JsonNode shared = JSON.readTree(sharedRecord.value());
            assertThat(shared.get("specversion").asString()).isEqualTo("1.0");
            assertThat(shared.get("type").asString()).isEqualTo("org.chapterhouse.stories.StoryShared.v1");
            assertThat(shared.get("source").asString()).isEqualTo("/chapterhouse/stories");
            assertThat(shared.get("subject").asString()).isEqualTo(id);
            assertThat(shared.get("chapterid").asString()).isEqualTo(riverside);
            assertThat(shared.get("dataschema").asString())
                    .isEqualTo("https://chapterhouse.example/schemas/stories/story-shared.v1.json");
            JsonNode data = shared.get("data");
            assertThat(data.get("storyId").asString()).isEqualTo(id);
            assertThat(data.get("chapterId").asString()).isEqualTo(riverside);
            assertThat(data.get("authorId").asString()).startsWith("ada-");
            assertThat(data.get("kind").asString()).isEqualTo("SUCCESS_STORY");
            assertThat(data.get("title").asString()).isEqualTo("How we kept ten-year-olds focused");
            assertThat(strings(data.get("tags"))).containsExactly("homework-help", "stem");
            assertThat(data.get("visibility").asString()).isEqualTo("NETWORK");
            assertThat(data.get("publishedBy").asString()).startsWith("lin-");
            assertThat(data.has("body")).as("bodies stay off the stream").isFalse();
            assertThat(new String(sharedRecord.headers().lastHeader("content-type").value()))
                    .isEqualTo("application/cloudevents+json");

            JsonNode submittedEvent = JSON.readTree(mine.stream()
                    .filter(r -> r.topic().equals(StorySubmitted.TOPIC)).findFirst().orElseThrow().value());
            assertThat(submittedEvent.get("type").asString()).isEqualTo("org.chapterhouse.stories.StorySubmitted.v1");
            assertThat(submittedEvent.get("data").get("visibility").asString()).isEqualTo("NETWORK");
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(mongo.getCollection("stories")
                .countDocuments(new Document("_id", id).append("outbox.0", new Document("$exists", true))))
                .isZero());
    }

    @Test
    void aVolunteerOfAnotherChapterCannotPublishOrSeeAChapterStory() {
        String id = submittedStory(story("Our Tuesday reading circle", "CHAPTER", List.of("reading"), false, false));

        var publish = http.post("/api/v1/stories/" + id + "/publication", null, outsider);
        assertThat(publish.status()).isEqualTo(403);
        assertThat(publish.contentType()).startsWith("application/problem+json");
        assertThat(http.post("/api/v1/stories/" + id + "/return", Map.of("comment", "no"), outsider).status())
                .isEqualTo(403);
        assertThat(http.get("/api/v1/stories/" + id, outsider).status()).isEqualTo(404);

        assertThat(http.post("/api/v1/stories/" + id + "/publication", null, lead).status()).isEqualTo(200);
        var hidden = http.get("/api/v1/stories/" + id, outsider);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.contentType()).startsWith("application/problem+json");
        assertThat(http.get("/api/v1/stories?chapterId=" + riverside, outsider).json().get("total").asLong())
                .isZero();

        String colleague = TestTokens.token("cy-" + UUID.randomUUID(), "Cy", Map.of(riverside, "MENTOR"));
        assertThat(http.get("/api/v1/stories/" + id, colleague).status()).isEqualTo(200);
        assertThat(ids(http.get("/api/v1/stories?chapterId=" + riverside, colleague).json())).containsExactly(id);

        var elsewhere = http.post("/api/v1/stories", story("A story for a chapter I am not in", "CHAPTER",
                List.of("x"), false, false), outsider);
        assertThat(elsewhere.status()).as("only members write for a chapter").isEqualTo(403);
    }

    @Test
    void refusesToPublishAPublicStoryFeaturingMinorsWithoutConsentAndKeepsItSubmitted() {
        String id = submittedStory(story("The kids who built a garden", "PUBLIC", List.of("garden"), true, false));

        var refused = http.post("/api/v1/stories/" + id + "/publication", null, lead);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asString()).endsWith("/consent-required");
        assertThat(http.get("/api/v1/stories/" + id, ada).json().get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(http.get("/api/v1/stories/" + id, null).status()).isEqualTo(404);

        var returned = http.post("/api/v1/stories/" + id + "/return",
                Map.of("comment", "Please get the parents' consent first"), lead);
        assertThat(returned.status()).as(returned.raw()).isEqualTo(200);
        JsonNode seenByAuthor = http.get("/api/v1/stories/" + id, ada).json();
        assertThat(seenByAuthor.get("status").asString()).isEqualTo("RETURNED");
        assertThat(seenByAuthor.get("review").get("comment").asString())
                .isEqualTo("Please get the parents' consent first");
        assertThat(http.post("/api/v1/stories/" + id + "/publication", null, lead).json().get("type").asString())
                .endsWith("/invalid-transition");
        assertThat(http.post("/api/v1/stories/" + id + "/submission", null, ada).status()).isEqualTo(200);
    }

    @Test
    void rejectsInvalidStoriesWithProblemDetailsAndStoresNothing() {
        long before = mongo.getCollection("stories").countDocuments();

        var shortTitle = http.post("/api/v1/stories", story("Too short", "CHAPTER", List.of("a"), false, false), ada);
        assertThat(shortTitle.status()).isEqualTo(400);
        assertThat(shortTitle.contentType()).startsWith("application/problem+json");
        assertThat(shortTitle.json().get("errors").get(0).get("field").asString()).isEqualTo("title");

        var sixTags = http.post("/api/v1/stories", story("A story with too many tags", "CHAPTER",
                List.of("a", "b", "c", "d", "e", "f"), false, false), ada);
        assertThat(sixTags.status()).isEqualTo(400);
        assertThat(sixTags.contentType()).startsWith("application/problem+json");
        assertThat(sixTags.json().get("errors").get(0).get("field").asString()).isEqualTo("tags");

        var cPlusPlus = http.post("/api/v1/stories", story("A story with a tag that is no slug", "CHAPTER",
                List.of("C++"), false, false), ada);
        assertThat(cPlusPlus.status()).isEqualTo(400);
        assertThat(cPlusPlus.json().get("type").asString()).endsWith("/invalid-tag");

        Map<String, Object> unknownKind = story("A story of an unknown kind", "CHAPTER", List.of("a"), false, false);
        unknownKind.put("kind", "RUMOUR");
        var kind = http.post("/api/v1/stories", unknownKind, ada);
        assertThat(kind.status()).isEqualTo(400);
        assertThat(kind.contentType()).startsWith("application/problem+json");
        assertThat(kind.json().get("detail").asString()).contains("kind");

        Map<String, Object> forged = story("A story with a forged author", "CHAPTER", List.of("a"), false, false);
        forged.put("authorId", "someone-else");
        var unknownField = http.post("/api/v1/stories", forged, ada);
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.contentType()).startsWith("application/problem+json");
        assertThat(unknownField.json().get("detail").asString()).contains("authorId");

        var badTag = http.post("/api/v1/stories", story("A story with an empty tag", "CHAPTER", List.of("!!!"),
                false, false), ada);
        assertThat(badTag.status()).isEqualTo(400);

        assertThat(mongo.getCollection("stories").countDocuments()).isEqualTo(before);
    }

    @Test
    void anonymousCallersListOnlyPublicPublishedStories() {
        String network = publishedStory(story("Shared with the whole network", "NETWORK", List.of("a"), false, false));
        String chapter = publishedStory(story("Shared with our chapter only", "CHAPTER", List.of("a"), false, false));
        String publicOne = publishedStory(story("Shared with the whole world", "PUBLIC", List.of("a"), true, true));
        String submittedPublic = submittedStory(story("Waiting for the lead's review", "PUBLIC", List.of("a"),
                false, false));
        String draftPublic = draftStory(story("Still a draft of the author", "PUBLIC", List.of("a"), false, false));

        var anonymous = http.get("/api/v1/stories?chapterId=" + riverside, null);
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(ids(anonymous.json())).containsExactly(publicOne);
        assertThat(anonymous.json().get("total").asLong()).isEqualTo(1);
        assertThat(anonymous.json().get("page").asInt()).isZero();
        assertThat(anonymous.json().get("size").asInt()).isEqualTo(20);
        JsonNode all = http.get("/api/v1/stories?size=100", null).json();
        all.get("items").forEach(item -> {
            assertThat(item.get("visibility").asString()).isEqualTo("PUBLIC");
            assertThat(item.get("status").asString()).isEqualTo("PUBLISHED");
        });
        assertThat(http.get("/api/v1/stories/" + publicOne, null).status()).isEqualTo(200);
        for (String hidden : List.of(network, chapter, submittedPublic, draftPublic)) {
            assertThat(http.get("/api/v1/stories/" + hidden, null).status()).isEqualTo(404);
        }

        assertThat(ids(http.get("/api/v1/stories?chapterId=" + riverside, outsider).json()))
                .containsExactly(publicOne, network);
        assertThat(ids(http.get("/api/v1/stories?chapterId=" + riverside, ada).json()))
                .as("newest published first").containsExactly(publicOne, chapter, network);
        assertThat(ids(http.get("/api/v1/stories?chapterId=" + riverside + "&kind=BEST_PRACTICE", ada).json()))
                .isEmpty();
        assertThat(ids(http.get("/api/v1/stories?mine=true", ada).json()))
                .containsExactlyInAnyOrder(network, chapter, publicOne, submittedPublic, draftPublic);
        assertThat(http.get("/api/v1/stories?mine=true", null).status()).isEqualTo(401);
    }

    @Test
    void refusesASecondPublication() {
        String id = publishedStory(story("Published once and for all", "NETWORK", List.of("a"), false, false));
        String staff = TestTokens.token("sam-" + UUID.randomUUID(), "Sam", Map.of(), "STAFF");

        var again = http.post("/api/v1/stories/" + id + "/publication", null, staff);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().get("type").asString()).endsWith("/invalid-transition");
        assertThat(http.post("/api/v1/stories/" + id + "/publication", null, lead).status()).isEqualTo(409);
        assertThat(http.post("/api/v1/stories/" + id + "/submission", null, ada).status()).isEqualTo(409);
        assertThat(http.get("/api/v1/stories/" + id, ada).json().get("publishedBy").asString()).startsWith("lin-");
    }

    @Test
    void refusesWritesWithoutAValidToken() {
        Map<String, Object> body = story("Written by somebody unknown", "PUBLIC", List.of("a"), false, false);
        assertThat(http.post("/api/v1/stories", body, null).status()).isEqualTo(401);
        var forged = http.post("/api/v1/stories", body, TestTokens.forged("ada", Map.of(riverside, "CHAPTER_LEAD")));
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.contentType()).startsWith("application/problem+json");
        assertThat(http.post("/api/v1/stories", body, TestTokens.expired("ada", Map.of(riverside, "VOLUNTEER")))
                .status()).isEqualTo(401);
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private Map<String, Object> story(String title, String visibility, List<String> tags, boolean featuresMinors,
                                      boolean consentOnFile) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("body", "What we tried, what worked, and what we would do differently.");
        body.put("kind", "SUCCESS_STORY");
        body.put("tags", tags);
        body.put("chapterId", riverside);
        body.put("visibility", visibility);
        body.put("featuresMinors", featuresMinors);
        body.put("consentOnFile", consentOnFile);
        return body;
    }

    private String draftStory(Map<String, Object> story) {
        var created = http.post("/api/v1/stories", story, ada);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private String submittedStory(Map<String, Object> story) {
        String id = draftStory(story);
        var submitted = http.post("/api/v1/stories/" + id + "/submission", null, ada);
        assertThat(submitted.status()).as(submitted.raw()).isEqualTo(200);
        return id;
    }

    private String publishedStory(Map<String, Object> story) {
        String id = submittedStory(story);
        var published = http.post("/api/v1/stories/" + id + "/publication", null, lead);
        assertThat(published.status()).as(published.raw()).isEqualTo(200);
        return id;
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }
}
