package org.chapterhouse.discussions.question;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.chapterhouse.support.testing.Http;
import org.chapterhouse.support.testing.ServiceIntegrationTest;
import org.chapterhouse.support.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

@ServiceIntegrationTest
@Import(TestTokens.Config.class)
class VotesIT {

    @LocalServerPort
    int port;

    Http http;
    final String asker = TestTokens.token("v-asker", "Asha", Map.of("riverside", "VOLUNTEER"));
    final String mentor = TestTokens.token("v-mentor", "Milo", Map.of("riverside", "MENTOR"));
    final String outsider = TestTokens.token("v-out", "Olu", Map.of("hillside", "VOLUNTEER"));

    @BeforeEach
    void setUp() {
        http = new Http("http://localhost:" + port);
    }

    String ask() {
        return http.post("/api/v1/questions", Map.of("title", "Which games work as a homework break?",
                "body", "Ideas welcome", "tags", List.of("breaks"), "chapterId", "riverside"), asker)
                .json().get("id").asString();
    }

    String voter(int i) {
        return TestTokens.token("voter-" + i, "Voter " + i, Map.of("riverside", "VOLUNTEER"));
    }

    @Test
    void aMemberHasOneVotePerPostAndMayChangeIt() {
        String id = ask();
        assertThat(http.post("/api/v1/questions/" + id + "/votes", Map.of("value", 1), mentor).json()
                .get("score").asInt()).isEqualTo(1);
        assertThat(http.post("/api/v1/questions/" + id + "/votes", Map.of("value", 1), mentor).json()
                .get("score").asInt()).as("the same vote twice counts once").isEqualTo(1);
        JsonNode changed = http.post("/api/v1/questions/" + id + "/votes", Map.of("value", -1), mentor).json();
        assertThat(changed.get("score").asInt()).isEqualTo(-1);
        assertThat(changed.get("myVote").asInt()).isEqualTo(-1);
        JsonNode q = http.get("/api/v1/questions/" + id, mentor).json();
        assertThat(q.get("score").asInt()).isEqualTo(-1);
        assertThat(q.get("myVote").asInt()).isEqualTo(-1);
        assertThat(http.get("/api/v1/questions/" + id, asker).json().get("myVote").asInt()).isZero();
        assertThat(q.toString()).as("who voted is not shown").doesNotContain("v-mentor\":");
    }

    @Test
    void concurrentVotesOnAQuestionAndAnAnswerAreAllCountedExactlyOnce() throws Exception {
        String id = ask();
        String answerId = http.post("/api/v1/questions/" + id + "/answers", Map.of("body", "Simon says"), mentor)
                .json().get("id").asString();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> results = new ArrayList<>();
        int voters = 24;
        for (int i = 0; i < voters; i++) {
            String token = voter(i);
            int value = i % 4 == 0 ? -1 : 1;
            Callable<Integer> q = () -> http.post("/api/v1/questions/" + id + "/votes", Map.of("value", value), token)
                    .status();
            Callable<Integer> a = () -> http.post("/api/v1/answers/" + answerId + "/votes", Map.of("value", value),
                    token).status();
            results.add(pool.submit(q));
            results.add(pool.submit(a));
        }
        for (Future<Integer> f : results) {
            assertThat(f.get()).isEqualTo(200);
        }
        pool.shutdown();
        int expected = voters - 2 * (voters / 4); // 18 up, 6 down
        JsonNode q = http.get("/api/v1/questions/" + id, asker).json();
        assertThat(q.get("score").asInt()).isEqualTo(expected);
        assertThat(q.get("answers").get(0).get("score").asInt()).isEqualTo(expected);
    }

    @Test
    void listsByActivityNewestOrVotes() {
        String chapter = "sort-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String member = TestTokens.token("s-asker", "Sam", Map.of(chapter, "VOLUNTEER"));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(http.post("/api/v1/questions", Map.of("title", "Sorting question number " + i, "body", "b",
                    "tags", List.of("sorting"), "chapterId", chapter), member).json().get("id").asString());
        }
        // the oldest gets two up-votes, the middle one an answer (the most recent activity)
        for (String v : List.of("s-v1", "s-v2")) {
            assertThat(http.post("/api/v1/questions/" + ids.get(0) + "/votes", Map.of("value", 1),
                    TestTokens.token(v, v, Map.of(chapter, "VOLUNTEER"))).status()).isEqualTo(200);
        }
        http.post("/api/v1/questions/" + ids.get(1) + "/answers", Map.of("body", "an answer"), member);
        assertThat(order("/api/v1/questions?chapterId=" + chapter + "&sort=votes", member).get(0)).isEqualTo(ids.get(0));
        List<java.time.Instant> created = new ArrayList<>();
        http.get("/api/v1/questions?chapterId=" + chapter + "&sort=newest", member).json().get("items")
                .forEach(i -> created.add(java.time.Instant.parse(i.get("createdAt").asString())));
        assertThat(created).hasSize(3)
                .isSortedAccordingTo(java.util.Comparator.<java.time.Instant>naturalOrder().reversed());
        assertThat(order("/api/v1/questions?chapterId=" + chapter, member).get(0)).isEqualTo(ids.get(1));
        assertThat(http.get("/api/v1/questions?sort=random", member).status()).isEqualTo(400);
    }

    List<String> order(String path, String token) {
        List<String> ids = new ArrayList<>();
        http.get(path, token).json().get("items").forEach(i -> ids.add(i.get("id").asString()));
        return ids;
    }

    @Test
    void refusesSelfVotesBadValuesAndPostsTheVoterCannotSee() {
        String id = ask();
        String answerId = http.post("/api/v1/questions/" + id + "/answers", Map.of("body", "Tag"), mentor)
                .json().get("id").asString();
        assertThat(http.post("/api/v1/questions/" + id + "/votes", Map.of("value", 1), asker).status()).isEqualTo(403);
        assertThat(http.post("/api/v1/answers/" + answerId + "/votes", Map.of("value", 1), mentor).status())
                .isEqualTo(403);
        for (Object bad : List.<Object>of(Map.of("value", 2), Map.of("value", 0), Map.of(), Map.of("value", "up"))) {
            var r = http.post("/api/v1/questions/" + id + "/votes", bad, mentor);
            assertThat(r.status()).as(String.valueOf(bad)).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
        assertThat(http.post("/api/v1/questions/" + id + "/votes", Map.of("value", 1), outsider).status())
                .isEqualTo(404);
        assertThat(http.post("/api/v1/answers/" + answerId + "/votes", Map.of("value", 1), outsider).status())
                .isEqualTo(404);
        assertThat(http.post("/api/v1/answers/nope/votes", Map.of("value", 1), mentor).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/questions/" + id, mentor).json().get("score").asInt()).isZero();
    }
}
