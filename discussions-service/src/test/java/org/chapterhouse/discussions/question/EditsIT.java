package org.chapterhouse.discussions.question;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
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
class EditsIT {

    @LocalServerPort
    int port;

    Http http;
    final String asker = TestTokens.token("e-asker", "Asha", Map.of("riverside", "VOLUNTEER"));
    final String mentor = TestTokens.token("e-mentor", "Milo", Map.of("riverside", "MENTOR"));
    final String lead = TestTokens.token("e-lead", "Lena", Map.of("riverside", "CHAPTER_LEAD"));
    final String outsider = TestTokens.token("e-out", "Olu", Map.of("hillside", "VOLUNTEER"));

    @BeforeEach
    void setUp() {
        http = new Http("http://localhost:" + port);
    }

    String ask() {
        return http.post("/api/v1/questions", Map.of("title", "How long should a homework session be?",
                "body", "Ours run 90 minutes", "tags", List.of("homework"), "chapterId", "riverside"), asker)
                .json().get("id").asString();
    }

    record Answer(int status, String etag, JsonNode body) {
    }

    Answer patch(String id, String token, String ifMatch, String json) {
        var r = http.patch("/api/v1/questions/" + id, json, token,
                ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch));
        return new Answer(r.status(), r.header("ETag"), r.json());
    }

    @Test
    void theAskerEditsWithTheETagTheyReadAndTheEarlierStateIsKept() throws Exception {
        String id = ask();
        String etag = http.get("/api/v1/questions/" + id, asker).header("ETag");
        assertThat(etag).isEqualTo("\"0\"");
        Answer edited = patch(id, asker, etag, "{\"title\":\"How long should a homework session last?\"}");
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.etag()).isEqualTo("\"1\"");
        assertThat(edited.body().get("title").asString()).isEqualTo("How long should a homework session last?");
        assertThat(edited.body().get("body").asString()).isEqualTo("Ours run 90 minutes");

        JsonNode revisions = http.get("/api/v1/questions/" + id + "/revisions", mentor).json();
        assertThat(revisions.size()).isEqualTo(1);
        assertThat(revisions.get(0).get("revision").asInt()).isZero();
        assertThat(revisions.get(0).get("title").asString()).isEqualTo("How long should a homework session be?");
        assertThat(revisions.get(0).get("editedBy").asString()).isEqualTo("e-asker");

        Answer stale = patch(id, asker, etag, "{\"body\":\"Actually 60 minutes\"}");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.body().get("type").asString()).endsWith("/stale-revision");
        assertThat(http.get("/api/v1/questions/" + id, asker).json().get("body").asString())
                .isEqualTo("Ours run 90 minutes");
        assertThat(patch(id, asker, null, "{\"body\":\"x\"}").status()).isEqualTo(428);
    }

    @Test
    void onlyTheAskerOrALeadOfTheChapterEdits() {
        String id = ask();
        assertThat(patch(id, mentor, "\"0\"", "{\"body\":\"mentor was here\"}").status()).isEqualTo(403);
        assertThat(patch(id, outsider, "\"0\"", "{\"body\":\"outsider was here\"}").status()).isEqualTo(404);
        Answer moderated = patch(id, lead, "\"0\"", "{\"tags\":[\"Homework Help\",\"timing\"]}");
        assertThat(moderated.status()).isEqualTo(200);
        assertThat(moderated.body().get("tags").toString()).isEqualTo("[\"homework-help\",\"timing\"]");
    }

    @Test
    void rejectsBadEditsWithProblemDetailsAndChangesNothing() throws Exception {
        String id = ask();
        for (String bad : List.of("{\"title\":\"short\"}", "{\"body\":\"\"}", "{\"body\":\"   \"}",
                "{\"tags\":[]}", "{\"tags\":[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\"]}", "{\"tags\":[\"no/slash\"]}",
                "{\"authorId\":\"someone\"}", "{}", "{\"title\":", "{\"visibility\":\"NETWORK\"}")) {
            Answer r = patch(id, asker, "\"0\"", bad);
            assertThat(r.status()).as(bad).isEqualTo(400);
        }
        JsonNode q = http.get("/api/v1/questions/" + id, asker).json();
        assertThat(q.get("title").asString()).isEqualTo("How long should a homework session be?");
        assertThat(http.get("/api/v1/questions/" + id, asker).header("ETag")).isEqualTo("\"0\"");
    }

    @Test
    void ofConcurrentEditsFromTheSameRevisionExactlyOneWins() throws Exception {
        String id = ask();
        var pool = Executors.newFixedThreadPool(6);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String body = "{\"body\":\"Edit number " + i + "\"}";
            Callable<Integer> edit = () -> patch(id, asker, "\"0\"", body).status();
            results.add(pool.submit(edit));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : results) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(200, 412);
        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
        assertThat(http.get("/api/v1/questions/" + id, asker).header("ETag")).isEqualTo("\"1\"");
        assertThat(http.get("/api/v1/questions/" + id + "/revisions", asker).json().size()).isEqualTo(1);
    }
}
