package org.chapterhouse.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.chapterhouse.support.testing.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SubscriptionsIT extends NotificationsITBase {

    @Test
    void aMemberReplacesAndReadsTheirOwnSubscriptions() {
        String me = "me-" + chapter;
        JsonNode empty = http.get("/api/v1/subscriptions", tokenOf(me)).json();
        assertThat(empty.get("questions").size()).isZero();
        assertThat(empty.get("network").asBoolean()).isFalse();

        Http.Response put = http.put("/api/v1/subscriptions", Map.of("questions", List.of("q1", "q1", "q2"),
                "tags", List.of("homework-help", "focus"), "chapters", List.of(chapter), "network", true),
                tokenOf(me));
        assertThat(put.status()).isEqualTo(200);
        JsonNode mine = http.get("/api/v1/subscriptions", tokenOf(me)).json();
        assertThat(mine.get("questions").size()).isEqualTo(2);
        assertThat(mine.get("tags").get(0).asString()).isEqualTo("homework-help");
        assertThat(mine.get("chapters").get(0).asString()).isEqualTo(chapter);
        assertThat(mine.get("network").asBoolean()).isTrue();
        assertThat(http.get("/api/v1/subscriptions", tokenOf("someone-else-" + chapter)).json().get("tags").size())
                .isZero();
    }

    @Test
    void rejectsBadSubscriptionsAndStoresNothing() {
        String me = "strict-" + chapter;
        List<Object> bad = List.of(
                Map.of("tags", List.of("Homework")),
                Map.of("tags", List.of("two--hyphens")),
                Map.of("tags", List.of("a".repeat(31))),
                Map.of("tags", Collections.nCopies(51, "tag")),
                Map.of("chapters", List.of("a-chapter-i-am-not-in")),
                Map.of("questions", List.of("")),
                Map.of("tags", List.of("ok"), "memberId", "someone-else"),
                "not json");
        for (Object body : bad) {
            Http.Response r = http.put("/api/v1/subscriptions", body, tokenOf(me));
            assertThat(r.status()).as("%s", body).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
        assertThat(mongo.getCollection("subscriptions").countDocuments(new Document("_id", me))).isZero();
        assertThat(http.put("/api/v1/subscriptions", Map.of("tags", List.of("ok")), null).status()).isEqualTo(401);
    }
}
