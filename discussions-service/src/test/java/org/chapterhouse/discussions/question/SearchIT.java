package org.chapterhouse.discussions.question;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.chapterhouse.support.testing.Http;
import org.chapterhouse.support.testing.ServiceIntegrationTest;
import org.chapterhouse.support.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

@ServiceIntegrationTest
@Import(TestTokens.Config.class)
class SearchIT {

    @LocalServerPort
    int port;

    @Autowired
    QuestionIndex index;

    Http http;
    // chapters of their own, so other test classes' questions (same store, same index) never interfere
    final String north = "north-" + UUID.randomUUID().toString().substring(0, 8);
    final String south = "south-" + UUID.randomUUID().toString().substring(0, 8);
    final String asker = TestTokens.token("s-asker", "Asha", Map.of(north, "VOLUNTEER"));
    final String mentor = TestTokens.token("s-mentor", "Milo", Map.of(north, "MENTOR"));
    final String southerner = TestTokens.token("s-south", "Sol", Map.of(south, "VOLUNTEER"));

    @BeforeEach
    void setUp() {
        http = new Http("http://localhost:" + port);
    }

    String ask(String token, String chapter, String title, String body, List<String> tags, String visibility) {
        var r = http.post("/api/v1/questions", Map.of("title", title, "body", body, "tags", tags,
                "chapterId", chapter, "visibility", visibility), token);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(i -> ids.add(i.get("id").asString()));
        return ids;
    }

    JsonNode search(String token, String query) {
        var r = http.get(query, token);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.json();
    }

    @Test
    void findsQuestionsByStemmedWordsInTitleBodyAndAnswersRankedByRelevance() {
        String recruiting = ask(asker, north, "Recruiting volunteers for the winter",
                "We need more tutors for the reading programme.", List.of("recruitment"), "CHAPTER");
        String other = ask(asker, north, "Room booking for the spring fair",
                "Who handles the keys? A volunteer recruited last year knew.", List.of("events"), "CHAPTER");
        String viaAnswer = ask(asker, north, "Where do we find more helpers?", "Numbers are down.",
                List.of("help"), "CHAPTER");
        http.post("/api/v1/questions/" + viaAnswer + "/answers",
                Map.of("body", "Try **recruiting** at the library; volunteers love it."), mentor);

        JsonNode page = search(asker, "/api/v1/questions?chapterId=" + north + "&q=recruit+volunteer");
        // "recruit" matches recruiting/recruited, "volunteer" matches volunteers (English stemming)
        assertThat(ids(page)).contains(recruiting, other, viaAnswer);
        assertThat(ids(page).get(0)).isEqualTo(recruiting); // both words in the title outrank the rest
        assertThat(page.get("total").asLong()).isEqualTo(3);
        JsonNode top = page.get("items").get(0);
        assertThat(top.get("highlight").get("title").asString()).contains("<mark>Recruiting</mark>")
                .contains("<mark>volunteers</mark>");

        // "focus" and "focused" are one word to a searcher (Porter stemming had them apart)
        String focused = ask(asker, north, "How do you keep ten-year-olds focused?", "They drift off.",
                List.of("homework"), "CHAPTER");
        JsonNode focus = search(asker, "/api/v1/questions?chapterId=" + north + "&q=focus");
        assertThat(ids(focus)).contains(focused);
        assertThat(focus.get("items").get(0).get("highlight").get("title").asString()).contains("<mark>focused</mark>");
    }

    @Test
    void honoursPhrasesAndFiltersByTagAndAnsweredStatus() {
        String phrase = ask(asker, north, "Planning a homework club timetable", "A homework club needs a plan.",
                List.of("homework", "planning"), "CHAPTER");
        String scattered = ask(asker, north, "Club rules for the art room", "Homework first, then paint.",
                List.of("art"), "CHAPTER");

        assertThat(ids(search(asker, "/api/v1/questions?chapterId=" + north + "&q=%22homework+club%22")))
                .containsExactly(phrase);
        assertThat(ids(search(asker, "/api/v1/questions?chapterId=" + north + "&q=homework+club")))
                .contains(phrase, scattered);
        assertThat(ids(search(asker, "/api/v1/questions?chapterId=" + north + "&q=homework&tag=art")))
                .containsExactly(scattered);

        String answer = http.post("/api/v1/questions/" + scattered + "/answers", Map.of("body", "Yes, paint after."),
                mentor).json().get("id").asString();
        http.put("/api/v1/questions/" + scattered + "/accepted-answer", Map.of("answerId", answer), asker);
        assertThat(ids(search(asker, "/api/v1/questions?chapterId=" + north + "&q=homework&status=answered")))
                .containsExactly(scattered);
        assertThat(ids(search(asker, "/api/v1/questions?chapterId=" + north + "&q=homework&status=unanswered")))
                .containsExactly(phrase);
    }

    @Test
    void neverShowsAnotherChaptersQuestionsInSearchSimilarOrTagCounts() {
        String secret = ask(southerner, south, "Safeguarding checks for new mentors",
                "Which safeguarding checks do you run?", List.of("safeguarding"), "CHAPTER");
        String open = ask(southerner, south, "Safeguarding training that worked",
                "We ran safeguarding training for all mentors.", List.of("safeguarding"), "NETWORK");

        assertThat(ids(search(asker, "/api/v1/questions?q=safeguarding+mentors&chapterId=" + south)))
                .containsExactly(open);
        assertThat(ids(search(southerner, "/api/v1/questions?q=safeguarding+mentors&chapterId=" + south)))
                .contains(secret, open);
        var similar = http.get("/api/v1/questions/similar?title=safeguarding+checks+for+mentors", asker).json();
        List<String> similarIds = new ArrayList<>();
        similar.forEach(s -> similarIds.add(s.get("id").asString()));
        assertThat(similarIds).contains(open).doesNotContain(secret);

        JsonNode tags = http.get("/api/v1/tags?chapterId=" + south + "&prefix=safe", asker).json();
        assertThat(tags.get(0).get("tag").asString()).isEqualTo("safeguarding");
        assertThat(tags.get(0).get("questions").asLong()).isEqualTo(1);
        JsonNode own = http.get("/api/v1/tags?chapterId=" + south + "&prefix=safe", southerner).json();
        assertThat(own.get(0).get("questions").asLong()).isEqualTo(2);
    }

    @Test
    void suggestsSimilarQuestionsWhileOneIsWritten() {
        String fundraising = ask(asker, north, "Fundraising ideas for a small chapter",
                "Bake sales are tired. What fundraising works for you?", List.of("fundraising"), "CHAPTER");
        ask(asker, north, "Transport to the museum trip", "Do we need a coach?", List.of("trips"), "CHAPTER");

        var similar = http.get("/api/v1/questions/similar?title=New+fundraising+ideas&body=bake+sale", asker);
        assertThat(similar.status()).isEqualTo(200);
        assertThat(similar.json().get(0).get("id").asString()).isEqualTo(fundraising);
    }

    @Test
    void countsTagsPerChapterAndCompletesAPrefixMostUsedFirst() {
        ask(asker, north, "Reading games for seven year olds", "Any favourites?", List.of("reading", "games"),
                "CHAPTER");
        ask(asker, north, "Reading logs that children keep", "Paper or app?", List.of("reading", "records"),
                "CHAPTER");
        ask(asker, north, "Readiness checks before a trip", "What do you check?", List.of("readiness"), "CHAPTER");

        JsonNode tags = http.get("/api/v1/tags?chapterId=" + north + "&prefix=Rea", asker).json();
        assertThat(tags.get(0).get("tag").asString()).isEqualTo("reading");
        assertThat(tags.get(0).get("questions").asLong()).isEqualTo(2);
        assertThat(tags.get(1).get("tag").asString()).isEqualTo("readiness");
        assertThat(tags.size()).isEqualTo(2);
    }

    @Test
    void escapesMarkupInHighlightedSnippets() {
        String id = ask(asker, north, "Handling <b>loud</b> sessions calmly",
                "When it gets loud <script>alert(1)</script> we pause.", List.of("behaviour"), "CHAPTER");
        JsonNode hit = search(asker, "/api/v1/questions?chapterId=" + north + "&q=loud").get("items").get(0);
        assertThat(hit.get("id").asString()).isEqualTo(id);
        assertThat(hit.get("highlight").get("title").asString()).contains("&lt;b&gt;<mark>loud</mark>")
                .doesNotContain("<b>");
        assertThat(hit.get("highlight").get("body").asString()).doesNotContain("<script");
    }

    @Test
    void answersBadSearchInputWithAProblem() {
        var tooLong = http.get("/api/v1/questions?q=" + "a".repeat(201), asker);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.contentType()).startsWith("application/problem+json");
        assertThat(http.get("/api/v1/questions?q=x&sort=loudest", asker).status()).isEqualTo(400);
        assertThat(http.get("/api/v1/questions?page=200&size=100", asker).status()).isEqualTo(400);
        assertThat(http.get("/api/v1/questions/similar?title=x&limit=500", asker).status()).isEqualTo(400);
        assertThat(http.get("/api/v1/tags?size=0", asker).status()).isEqualTo(400);
        // operators a volunteer might type by accident are not errors
        assertThat(http.get("/api/v1/questions?q=%22unclosed+(bracket+-", asker).status()).isEqualTo(200);
    }

    @Test
    void rebuildsTheIndexFromTheStore() {
        String id = ask(asker, north, "Keeping a lost property box tidy", "Ours overflows.", List.of("admin"),
                "CHAPTER");
        String admin = TestTokens.token("s-admin", "Ada", Map.of(), "ADMIN");
        var rebuild = http.post("/api/v1/search/index/rebuild", Map.of(), admin);
        assertThat(rebuild.status()).as(rebuild.raw()).isIn(202, 409);
        assertThat(http.post("/api/v1/search/index/rebuild", Map.of(), asker).status()).isEqualTo(403);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> !index.status().rebuilding()
                        && ids(search(asker, "/api/v1/questions?chapterId=" + north + "&q=lost+property"))
                        .contains(id));
    }
}
