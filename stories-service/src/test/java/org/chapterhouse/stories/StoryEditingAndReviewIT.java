package org.chapterhouse.stories;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.chapterhouse.support.testing.Http;
import org.chapterhouse.support.testing.ServiceIntegrationTest;
import org.chapterhouse.support.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/** Editing (If-Match), returning and resubmitting, the review queue, list filters and the tag rule. */
@ServiceIntegrationTest
@Import(TestTokens.Config.class)
class StoryEditingAndReviewIT {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    Http http;
    String riverside;
    String hillside;
    String ada;
    String lead;
    String otherLead;
    String staff;
    String volunteer;

    @BeforeEach
    void setUp() {
        http = new Http("http://localhost:" + port);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        riverside = "riverside-" + suffix;
        hillside = "hillside-" + suffix;
        ada = TestTokens.token("ada-" + suffix, "Ada", Map.of(riverside, "VOLUNTEER"));
        lead = TestTokens.token("lin-" + suffix, "Lin", Map.of(riverside, "CHAPTER_LEAD"));
        otherLead = TestTokens.token("hal-" + suffix, "Hal", Map.of(hillside, "CHAPTER_LEAD"));
        staff = TestTokens.token("sam-" + suffix, "Sam", Map.of(), "STAFF");
        volunteer = TestTokens.token("vic-" + suffix, "Vic", Map.of(riverside, "MENTOR"));
    }

    @Test
    void theAuthorEditsADraftWithIfMatchAndAStaleOrMissingETagIsRefused() {
        var created = http.post("/api/v1/stories", story("A first title for our story", "CHAPTER", List.of("reading")),
                ada);
        String id = created.json().get("id").asString();
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        assertThat(http.get("/api/v1/stories/" + id, ada).header("ETag")).isEqualTo("\"0\"");

        Map<String, Object> edit = Map.of("title", "A better title for our story", "tags", List.of("Reading Club"));
        var missing = http.patch("/api/v1/stories/" + id, edit, ada);
        assertThat(missing.status()).isEqualTo(428);
        assertThat(missing.contentType()).startsWith("application/problem+json");

        var edited = http.patch("/api/v1/stories/" + id, edit, ada, Map.of("If-Match", "\"0\""));
        assertThat(edited.status()).as(edited.raw()).isEqualTo(200);
        assertThat(edited.header("ETag")).isEqualTo("\"1\"");
        assertThat(edited.json().get("title").asString()).isEqualTo("A better title for our story");
        assertThat(strings(edited.json().get("tags"))).containsExactly("reading-club");
        assertThat(edited.json().get("revision").asInt()).isEqualTo(1);

        var stale = http.patch("/api/v1/stories/" + id, Map.of("body", "Lost update"), ada,
                Map.of("If-Match", "\"0\""));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json().get("type").asString()).endsWith("/stale-revision");
        assertThat(http.get("/api/v1/stories/" + id, ada).json().get("body").asString()).doesNotContain("Lost");

        assertThat(http.patch("/api/v1/stories/" + id, Map.of(), ada, Map.of("If-Match", "\"1\"")).status())
                .as("an empty edit").isEqualTo(400);
        assertThat(http.patch("/api/v1/stories/" + id, Map.of("chapterId", hillside), ada,
                Map.of("If-Match", "\"1\"")).status()).as("the chapter is not editable").isEqualTo(400);
        assertThat(http.patch("/api/v1/stories/" + id, Map.of("title", "Not mine to edit at all"), lead,
                Map.of("If-Match", "\"1\"")).status()).as("a draft is its author's alone").isEqualTo(404);

        Document stored = mongo.getCollection("stories").find(new Document("_id", id)).first();
        assertThat(stored.getList("revisions", Document.class)).singleElement()
                .satisfies(r -> assertThat(r.getString("title")).isEqualTo("A first title for our story"));

        assertThat(http.post("/api/v1/stories/" + id + "/submission", null, ada).status()).isEqualTo(200);
        var submittedEdit = http.patch("/api/v1/stories/" + id, Map.of("title", "Too late to change this"), ada,
                Map.of("If-Match", "\"1\""));
        assertThat(submittedEdit.status()).isEqualTo(409);
        assertThat(submittedEdit.json().get("type").asString()).endsWith("/not-editable");
    }

    @Test
    void aReturnedStoryIsEditedResubmittedAndPublished() {
        String id = submitted(story("The reading circle that grew", "NETWORK", List.of("reading")));

        assertThat(http.post("/api/v1/stories/" + id + "/return", Map.of(), lead).status())
                .as("no comment").isEqualTo(400);
        assertThat(http.post("/api/v1/stories/" + id + "/return", Map.of("comment", "   "), lead).status())
                .as("a blank comment").isEqualTo(400);
        assertThat(http.post("/api/v1/stories/" + id + "/return", null, lead).status()).as("no body").isEqualTo(400);
        assertThat(http.get("/api/v1/stories/" + id, ada).json().get("status").asString()).isEqualTo("SUBMITTED");

        var returned = http.post("/api/v1/stories/" + id + "/return", Map.of("comment", "Say how many came"), lead);
        assertThat(returned.status()).isEqualTo(200);
        String etag = http.get("/api/v1/stories/" + id, ada).header("ETag");
        var edited = http.patch("/api/v1/stories/" + id, Map.of("body", "Twelve children came every week."), ada,
                Map.of("If-Match", etag));
        assertThat(edited.status()).as(edited.raw()).isEqualTo(200);
        assertThat(edited.json().get("status").asString()).isEqualTo("RETURNED");
        assertThat(http.post("/api/v1/stories/" + id + "/submission", null, ada).json().get("status").asString())
                .isEqualTo("SUBMITTED");
        var published = http.post("/api/v1/stories/" + id + "/publication", null, lead);
        assertThat(published.status()).isEqualTo(200);
        assertThat(published.json().get("body").asString()).isEqualTo("Twelve children came every week.");
    }

    @Test
    void nobodyReviewsTheirOwnStory() {
        String secondLead = TestTokens.token("lou-" + UUID.randomUUID(), "Lou", Map.of(riverside, "CHAPTER_LEAD"));
        var created = http.post("/api/v1/stories", story("What I learnt leading the chapter", "CHAPTER",
                List.of("leading")), lead);
        String id = created.json().get("id").asString();
        assertThat(http.post("/api/v1/stories/" + id + "/submission", null, lead).status()).isEqualTo(200);

        var own = http.post("/api/v1/stories/" + id + "/publication", null, lead);
        assertThat(own.status()).isEqualTo(403);
        assertThat(own.contentType()).startsWith("application/problem+json");
        assertThat(http.post("/api/v1/stories/" + id + "/return", Map.of("comment", "fine"), lead).status())
                .isEqualTo(403);
        assertThat(ids(http.get("/api/v1/stories/review-queue?chapterId=" + riverside, lead).json()))
                .doesNotContain(id);
        assertThat(ids(http.get("/api/v1/stories/review-queue?chapterId=" + riverside, secondLead).json()))
                .containsExactly(id);
        assertThat(http.post("/api/v1/stories/" + id + "/publication", null, secondLead).status()).isEqualTo(200);
    }

    @Test
    void theReviewQueueShowsLeadsTheirChaptersStoriesAndStaffTheNetworksFirstSubmittedFirst() {
        String chapterOne = submitted(story("Chapter story waiting for review", "CHAPTER", List.of("a")));
        String networkOne = submitted(story("Network story waiting for review", "NETWORK", List.of("a")));
        String publicOne = submitted(story("Public story waiting for review", "PUBLIC", List.of("a")));
        http.post("/api/v1/stories", story("A draft nobody reviews yet", "CHAPTER", List.of("a")), ada);
        String published = submitted(story("Chapter story already published", "CHAPTER", List.of("a")));
        assertThat(http.post("/api/v1/stories/" + published + "/publication", null, lead).status()).isEqualTo(200);

        var leads = http.get("/api/v1/stories/review-queue?chapterId=" + riverside, lead);
        assertThat(leads.status()).isEqualTo(200);
        assertThat(ids(leads.json())).containsExactly(chapterOne);
        assertThat(ids(http.get("/api/v1/stories/review-queue?chapterId=" + riverside, staff).json()))
                .containsExactly(networkOne, publicOne);
        assertThat(ids(http.get("/api/v1/stories/review-queue?chapterId=" + riverside + "&size=1&page=1", staff)
                .json())).containsExactly(publicOne);
        assertThat(ids(http.get("/api/v1/stories/review-queue?chapterId=" + riverside, otherLead).json())).isEmpty();
        assertThat(http.get("/api/v1/stories/review-queue", volunteer).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/stories/review-queue", null).status()).isEqualTo(401);
    }

    @Test
    void listsFilterByTagAndStatusAndShowOnlyWhatTheCallerMaySee() {
        String homework = published(story("Homework help that worked", "CHAPTER", List.of("homework-help", "stem")));
        String garden = published(story("The garden we planted together", "NETWORK", List.of("garden")));
        String draft = http.post("/api/v1/stories", story("A homework draft in progress", "CHAPTER",
                List.of("homework-help")), ada).json().get("id").asString();

        assertThat(ids(http.get("/api/v1/stories?chapterId=" + riverside + "&tag=Homework%20Help", volunteer).json()))
                .containsExactly(homework);
        assertThat(ids(http.get("/api/v1/stories?chapterId=" + riverside + "&tag=homework-help", otherLead).json()))
                .as("a CHAPTER story stays in its chapter").isEmpty();
        assertThat(ids(http.get("/api/v1/stories?chapterId=" + riverside + "&tag=garden", otherLead).json()))
                .containsExactly(garden);
        assertThat(ids(http.get("/api/v1/stories?mine=true&status=DRAFT&chapterId=" + riverside, ada).json()))
                .containsExactly(draft);
        assertThat(ids(http.get("/api/v1/stories?mine=true&status=PUBLISHED&tag=garden", ada).json()))
                .containsExactly(garden);
        var notMine = http.get("/api/v1/stories?status=DRAFT", volunteer);
        assertThat(notMine.status()).isEqualTo(400);
        assertThat(notMine.json().get("type").asString()).endsWith("/invalid-status");
        assertThat(http.get("/api/v1/stories?status=RUMOUR", ada).status()).isEqualTo(400);
    }

    @Test
    void tagsAreSlugsByTheSameRuleAsDiscussions() {
        var created = http.post("/api/v1/stories", story("Tags written every which way", "CHAPTER",
                List.of("  Homework_Help  Club ", "homework-help-club", "STEM")), ada);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(strings(created.json().get("tags"))).containsExactly("homework-help-club", "stem");

        long before = mongo.getCollection("stories").countDocuments();
        for (String bad : List.of("C++", "ages-8--12", "-leading", "é-accent", "a".repeat(31))) {
            var refused = http.post("/api/v1/stories", story("A story with a bad tag", "CHAPTER", List.of(bad)), ada);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("type").asString()).as(bad).endsWith("/invalid-tag");
        }
        assertThat(http.post("/api/v1/stories", story("A story with no tags at all", "CHAPTER", List.of()), ada)
                .status()).isEqualTo(400);
        assertThat(mongo.getCollection("stories").countDocuments()).isEqualTo(before);
    }

    @Test
    void aStoryStoredBeforeEditsExistedReadsAsRevisionZeroAndCanBeEdited() {
        String id = UUID.randomUUID().toString();
        String authorId = "ada-" + riverside.substring("riverside-".length());
        // the first release's document shape: no revision, revisions or source
        mongo.getCollection("stories").insertOne(new Document("_id", id).append("title", "A story from the first release")
                .append("body", "Old body.").append("kind", "IDEA").append("tags", List.of("old"))
                .append("chapterId", riverside).append("visibility", "CHAPTER").append("featuresMinors", false)
                .append("consentOnFile", false).append("authorId", authorId).append("authorName", "Ada")
                .append("status", "DRAFT").append("createdAt", new java.util.Date()));

        var read = http.get("/api/v1/stories/" + id, ada);
        assertThat(read.status()).as(read.raw()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"0\"");
        assertThat(read.json().has("source")).isFalse();
        var edited = http.patch("/api/v1/stories/" + id, Map.of("kind", "BEST_PRACTICE"), ada,
                Map.of("If-Match", "\"0\""));
        assertThat(edited.status()).as(edited.raw()).isEqualTo(200);
        assertThat(edited.json().get("kind").asString()).isEqualTo("BEST_PRACTICE");
        assertThat(edited.header("ETag")).isEqualTo("\"1\"");
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private Map<String, Object> story(String title, String visibility, List<String> tags) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("body", "What we tried, what worked, and what we would do differently.");
        body.put("kind", "SUCCESS_STORY");
        body.put("tags", tags);
        body.put("chapterId", riverside);
        body.put("visibility", visibility);
        return body;
    }

    private String submitted(Map<String, Object> story) {
        var created = http.post("/api/v1/stories", story, ada);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(http.post("/api/v1/stories/" + id + "/submission", null, ada).status()).isEqualTo(200);
        return id;
    }

    private String published(Map<String, Object> story) {
        String id = submitted(story);
        var published = http.post("/api/v1/stories/" + id + "/publication", null, lead);
        assertThat(published.status()).as(published.raw()).isEqualTo(200);
        return id;
    }

    static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }
}
