package org.chapterhouse.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.chapterhouse.support.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** MemberErased: the member's inbox, preferences, subscriptions and read-model entries go; no trace remains. */
class ErasureIT extends NotificationsITBase {

    /** Every document of every collection (but the processed event ids) that mentions {@code memberId}. */
    List<String> traces(String memberId) {
        List<String> found = new ArrayList<>();
        for (String collection : mongo.getCollectionNames()) {
            if (collection.equals("consumed_events")) {
                continue;
            }
            for (Document d : mongo.getCollection(collection).find()) {
                if (d.toJson().contains(memberId)) {
                    found.add(collection + ": " + d.toJson());
                }
            }
        }
        return found;
    }

    @Test
    void anErasedMemberLeavesNoTraceButTheirChaptersWebhookKeepsWorking() {
        String gone = member("gone", chapter, "CHAPTER_LEAD");
        String peer = member("peer", chapter, "VOLUNTEER");
        awaitMembers(chapter, 2);
        profile(gone, "maths");
        String goneToken = TestTokens.token(gone, "Gone", Map.of(chapter, "CHAPTER_LEAD"));
        http.put("/api/v1/subscriptions", Map.of("chapters", List.of(chapter), "tags", List.of("maths")), goneToken);
        http.put("/api/v1/notifications/preferences", Map.of("email", "gone-" + chapter + "@example.org",
                "emailFrequency", "WEEKLY"), goneToken);
        String webhook = http.post("/api/v1/webhooks?chapterId=" + chapter, Map.of("url", "http://localhost:9/h"),
                goneToken).json().get("id").asString();
        watch(peer, Map.of("chapters", List.of(chapter)));
        // gone asks (so is the actor of peer's notification) and is told of peer's question
        String q1 = UUID.randomUUID().toString();
        events.send(QUESTION, q1, chapter, Map.of("questionId", q1, "chapterId", chapter, "authorId", gone,
                "title", "A question by the member to be erased", "tags", List.of("maths"), "visibility", "CHAPTER"));
        String q2 = UUID.randomUUID().toString();
        events.send(QUESTION, q2, chapter, Map.of("questionId", q2, "chapterId", chapter, "authorId", peer,
                "title", "A question the erased member is told of", "tags", List.of("maths"),
                "visibility", "CHAPTER"));
        await().atMost(WAIT).until(() -> total(peer) == 1
                && http.get("/api/v1/notifications", goneToken).json().get("total").asLong() == 1);
        assertThat(traces(gone)).isNotEmpty();

        events.send(ERASED, gone, chapter, Map.of("memberId", gone, "erasedAt", "2026-12-02T10:00:00Z",
                "chapterIds", List.of(chapter)));
        await().atMost(WAIT).until(() -> traces(gone).isEmpty());
        assertThat(http.get("/api/v1/notifications", goneToken).json().get("total").asLong()).isZero();
        assertThat(http.get("/api/v1/notifications/preferences", goneToken).json().get("email").isNull()).isTrue();
        // the peer keeps their notification, with the actor anonymised; the chapter keeps its webhook
        assertThat(total(peer)).isEqualTo(1);
        assertThat(inbox(peer).get("items").get(0).get("actorId").isNull()).isTrue();
        assertThat(mongo.getCollection("webhooks").countDocuments(new Document("_id", webhook))).isEqualTo(1);
    }

    @Test
    void anErasedProfileRecordRemovesTheMemberToo() {
        String gone = member("erasedprofile", chapter, "MENTOR");
        awaitMembers(chapter, 1);
        profile(gone, "maths");
        events.send(PROFILE, gone, chapter, Map.of("memberId", gone, "displayName", "former member",
                "skills", List.of(), "profileVisibility", "CHAPTER", "erased", true));
        await().atMost(WAIT).until(() -> traces(gone).isEmpty());
    }
}
