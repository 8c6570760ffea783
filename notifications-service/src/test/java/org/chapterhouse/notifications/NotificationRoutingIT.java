package org.chapterhouse.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.chapterhouse.support.testing.EventContracts;
import org.chapterhouse.support.testing.TestInfrastructure;
import org.chapterhouse.support.testing.TestTokens;
import org.chapterhouse.support.testing.TopicProbe;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Who is told what: each routing rule, the visibility rule, idempotence and the dead-letter topic. */
class NotificationRoutingIT extends NotificationsITBase {

    Map<String, Object> question(String questionId, String author, String visibility, String... tags) {
        return Map.of("questionId", questionId, "chapterId", chapter, "authorId", author,
                "title", "How do you keep ten-year-olds focused?", "tags", List.of(tags), "visibility", visibility);
    }

    List<String> kinds(String member) {
        List<String> kinds = new ArrayList<>();
        inbox(member).get("items").forEach(n -> kinds.add(n.get("kind").asString()));
        return kinds;
    }

    @Test
    void tellsChapterAndTagWatchersAndMatchingMentorsOfANewQuestionButNotTheAskerOrTheUninterested() {
        String asker = member("asker", chapter, "VOLUNTEER");
        String chapterWatcher = member("chapterwatcher", chapter, "VOLUNTEER");
        String tagWatcher = member("tagwatcher", chapter, "VOLUNTEER");
        String mentor = member("mentor", chapter, "MENTOR");
        String uninterested = member("uninterested", chapter, "VOLUNTEER");
        awaitMembers(chapter, 5);
        watch(asker, Map.of("chapters", List.of(chapter)));
        watch(chapterWatcher, Map.of("chapters", List.of(chapter)));
        watch(tagWatcher, Map.of("tags", List.of("focus")));
        profile(mentor, "focus", "maths");

        String questionId = UUID.randomUUID().toString();
        events.send(QUESTION, questionId, chapter, question(questionId, asker, "CHAPTER", "focus", "ages-8-12"));
        await().atMost(WAIT).until(() -> total(chapterWatcher) == 1 && total(tagWatcher) == 1
                && total(mentor) == 1);
        JsonNode n = inbox(chapterWatcher).get("items").get(0);
        assertThat(n.get("kind").asString()).isEqualTo("QUESTION_POSTED");
        assertThat(n.get("questionId").asString()).isEqualTo(questionId);
        assertThat(n.get("title").asString()).isEqualTo("How do you keep ten-year-olds focused?");
        assertThat(n.get("actorId").asString()).isEqualTo(asker);
        assertThat(n.get("read").asBoolean()).isFalse();
        assertThat(total(asker)).isZero();
        assertThat(total(uninterested)).isZero();
        // asking watches the question
        assertThat(http.get("/api/v1/subscriptions", tokenOf(asker)).json().get("questions").get(0).asString())
                .isEqualTo(questionId);

        String metrics = http.get("/actuator/prometheus", null).raw();
        assertThat(metrics.lines().filter(l -> l.startsWith("notifications_event_consumed_total{"))
                .filter(l -> l.contains("chapter=\"" + chapter + "\""))
                .filter(l -> l.contains("topic=\"" + QUESTION + "\""))).isNotEmpty();
        assertThat(metrics).contains("notifications_notification_delivered_total{");
    }

    @Test
    void aChapterQuestionReachesNobodyOutsideItsChapterButANetworkQuestionReachesMentorsEverywhere() {
        String elsewhere = chapter + "-other";
        String asker = member("asker", chapter, "VOLUNTEER");
        String outsiderWatcher = member("outsiderwatcher", elsewhere, "VOLUNTEER");
        String outsiderMentor = member("outsidermentor", elsewhere, "MENTOR");
        awaitMembers(chapter, 1);
        awaitMembers(elsewhere, 2);
        http.put("/api/v1/subscriptions", Map.of("tags", List.of("focus"), "chapters", List.of(elsewhere)),
                tokenOf(outsiderWatcher, Map.of(elsewhere, "VOLUNTEER")));
        profile(outsiderMentor, "focus");

        String chapterOnly = UUID.randomUUID().toString();
        events.send(QUESTION, chapterOnly, chapter, question(chapterOnly, asker, "CHAPTER", "focus"));
        String network = UUID.randomUUID().toString();
        events.send(QUESTION, network, chapter, question(network, asker, "NETWORK", "focus"));

        String mentorToken = tokenOf(outsiderMentor, Map.of(elsewhere, "MENTOR"));
        await().atMost(WAIT).until(() ->
                http.get("/api/v1/notifications", mentorToken).json().get("total").asLong() == 1);
        assertThat(http.get("/api/v1/notifications", mentorToken).json().get("items").get(0).get("questionId")
                .asString()).isEqualTo(network);
        // both questions have been handled by now (same partition order is not guaranteed: wait for the read model)
        await().atMost(WAIT).until(() -> mongo.getCollection("questions")
                .countDocuments(new Document("_id", new Document("$in", List.of(chapterOnly, network)))) == 2);
        // a tag watcher of another chapter is not a member of the question's chapter: never told, whatever the visibility
        assertThat(http.get("/api/v1/notifications", tokenOf(outsiderWatcher, Map.of(elsewhere, "VOLUNTEER")))
                .json().get("total").asLong()).isZero();
    }

    @Test
    void tellsTheAskerAndTheQuestionsWatchersOfAnAnswerButNotTheAnswerer() {
        String asker = member("asker", chapter, "VOLUNTEER");
        String firstAnswerer = member("first", chapter, "MENTOR");
        String secondAnswerer = member("second", chapter, "VOLUNTEER");
        String follower = member("follower", chapter, "VOLUNTEER");
        String outsider = member("outsider", chapter + "-x", "VOLUNTEER");
        awaitMembers(chapter, 4);
        String questionId = UUID.randomUUID().toString();
        watch(follower, Map.of("questions", List.of(questionId)));
        http.put("/api/v1/subscriptions", Map.of("questions", List.of(questionId)),
                tokenOf(outsider, Map.of(chapter + "-x", "VOLUNTEER")));
        events.send(QUESTION, questionId, chapter, question(questionId, asker, "CHAPTER", "focus"));
        await().atMost(WAIT).until(() -> mongo.getCollection("questions")
                .countDocuments(new Document("_id", questionId)) == 1);
        events.send(ANSWER, questionId, chapter, Map.of("questionId", questionId, "answerId", "a1",
                "chapterId", chapter, "authorId", firstAnswerer, "questionAuthorId", asker, "visibility", "CHAPTER"));
        await().atMost(WAIT).until(() -> total(asker) == 1 && total(follower) == 1);
        // answering watches the question: the first answerer hears of the second answer
        await().atMost(WAIT).until(() -> mongo.getCollection("subscriptions").countDocuments(
                new Document("_id", firstAnswerer).append("questions", questionId)) == 1);
        events.send(ANSWER, questionId, chapter, Map.of("questionId", questionId, "answerId", "a2",
                "chapterId", chapter, "authorId", secondAnswerer, "questionAuthorId", asker, "visibility", "CHAPTER"));
        await().atMost(WAIT).until(() -> total(asker) == 2 && total(follower) == 2 && total(firstAnswerer) == 1);
        JsonNode askers = inbox(asker).get("items").get(0);
        assertThat(askers.get("kind").asString()).isEqualTo("ANSWER_POSTED");
        assertThat(askers.get("title").asString()).isEqualTo("How do you keep ten-year-olds focused?");
        assertThat(total(secondAnswerer)).isZero();
        // a CHAPTER question's watcher who is not a member of its chapter is never told
        assertThat(http.get("/api/v1/notifications", tokenOf(outsider, Map.of(chapter + "-x", "VOLUNTEER")))
                .json().get("total").asLong()).isZero();
    }

    @Test
    void tellsTheAnswererOfAcceptanceButNobodyOfTheirOwnAcceptance() {
        String asker = member("asker", chapter, "VOLUNTEER");
        String peer = member("peer", chapter, "MENTOR");
        awaitMembers(chapter, 2);
        String questionId = UUID.randomUUID().toString();
        events.send(QUESTION, questionId, chapter, question(questionId, asker, "CHAPTER", "focus"));
        events.send(ACCEPTED, questionId, chapter, Map.of("questionId", questionId, "answerId", "a0",
                "chapterId", chapter, "answerAuthorId", asker, "acceptedBy", asker, "questionAuthorId", asker,
                "visibility", "CHAPTER"));
        events.send(ACCEPTED, questionId, chapter, Map.of("questionId", questionId, "answerId", "a1",
                "chapterId", chapter, "answerAuthorId", peer, "acceptedBy", asker, "questionAuthorId", asker,
                "visibility", "CHAPTER"));
        await().atMost(WAIT).until(() -> total(peer) == 1);
        JsonNode n = inbox(peer).get("items").get(0);
        assertThat(n.get("kind").asString()).isEqualTo("ANSWER_ACCEPTED");
        assertThat(n.get("answerId").asString()).isEqualTo("a1");
        assertThat(total(asker)).isZero();
    }

    @Test
    void tellsTheChaptersLeadsOfASubmittedStoryButNotTheAuthorLeadOrOthers() {
        String author = member("author", chapter, "VOLUNTEER");
        String lead = member("lead", chapter, "CHAPTER_LEAD");
        String authorLead = member("authorlead", chapter, "CHAPTER_LEAD");
        String volunteer = member("volunteer", chapter, "VOLUNTEER");
        String otherLead = member("otherlead", chapter + "-o", "CHAPTER_LEAD");
        awaitMembers(chapter, 4);
        awaitMembers(chapter + "-o", 1);
        String story = UUID.randomUUID().toString();
        events.send(SUBMITTED, story, chapter, Map.of("storyId", story, "chapterId", chapter, "authorId", author,
                "kind", "SUCCESS_STORY", "title", "Ten-minute focus sprints work", "visibility", "PUBLIC"));
        String own = UUID.randomUUID().toString();
        events.send(SUBMITTED, own, chapter, Map.of("storyId", own, "chapterId", chapter, "authorId", authorLead,
                "kind", "IDEA", "title", "A lead's own idea to review", "visibility", "CHAPTER"));
        await().atMost(WAIT).until(() -> total(lead) == 2 && total(authorLead) == 1);
        JsonNode n = inbox(authorLead).get("items").get(0);
        assertThat(n.get("kind").asString()).isEqualTo("STORY_SUBMITTED");
        assertThat(n.get("storyId").asString()).isEqualTo(story);
        assertThat(total(volunteer)).isZero();
        assertThat(total(author)).isZero();
        assertThat(http.get("/api/v1/notifications", tokenOf(otherLead, Map.of(chapter + "-o", "CHAPTER_LEAD")))
                .json().get("total").asLong()).isZero();
    }

    @Test
    void tellsChapterSubscribersOfASharedStoryAndNetworkSubscribersOnlyOfNetworkStories() {
        String elsewhere = chapter + "-n";
        String publisher = member("publisher", chapter, "CHAPTER_LEAD");
        String chapterFan = member("chapterfan", chapter, "VOLUNTEER");
        String networkFan = member("networkfan", elsewhere, "VOLUNTEER");
        awaitMembers(chapter, 2);
        awaitMembers(elsewhere, 1);
        watch(publisher, Map.of("chapters", List.of(chapter)));
        watch(chapterFan, Map.of("chapters", List.of(chapter)));
        http.put("/api/v1/subscriptions", Map.of("network", true), tokenOf(networkFan, Map.of(elsewhere, "VOLUNTEER")));
        String chapterStory = UUID.randomUUID().toString();
        String networkStory = UUID.randomUUID().toString();
        for (var s : List.of(Map.entry(chapterStory, "CHAPTER"), Map.entry(networkStory, "NETWORK"))) {
            events.send(SHARED, s.getKey(), chapter, Map.of("storyId", s.getKey(), "chapterId", chapter,
                    "authorId", chapterFan, "kind", "BEST_PRACTICE", "title", "Focus sprints, step by step",
                    "tags", List.of("focus"), "visibility", s.getValue(), "publishedBy", publisher));
        }
        String networkToken = tokenOf(networkFan, Map.of(elsewhere, "VOLUNTEER"));
        await().atMost(WAIT).until(() -> total(chapterFan) == 2
                && http.get("/api/v1/notifications", networkToken).json().get("total").asLong() == 1);
        assertThat(http.get("/api/v1/notifications", networkToken).json().get("items").get(0).get("storyId")
                .asString()).isEqualTo(networkStory);
        assertThat(inbox(chapterFan).get("items").get(0).get("kind").asString()).isEqualTo("STORY_SHARED");
        assertThat(total(publisher)).isZero();
    }

    @Test
    void aRedeliveredEventNeverMakesASecondNotification() {
        String asker = member("asker", chapter, "VOLUNTEER");
        String peer = member("peer", chapter, "VOLUNTEER");
        awaitMembers(chapter, 2);
        watch(peer, Map.of("chapters", List.of(chapter)));
        String questionId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        events.send(QUESTION, questionId, chapter, question(questionId, asker, "CHAPTER", "focus"), eventId);
        events.send(QUESTION, questionId, chapter, question(questionId, asker, "CHAPTER", "focus"), eventId);
        String marker = UUID.randomUUID().toString();
        events.send(QUESTION, marker, chapter, question(marker, asker, "CHAPTER", "focus"));
        await().atMost(WAIT).until(() -> total(peer) == 2);
        assertThat(mongo.getCollection("notifications").countDocuments(new Document("eventId", eventId)))
                .isEqualTo(1);
        // the reaction itself is idempotent too: running it again past the processed-id check adds nothing
        mongo.getCollection("consumed_events").deleteMany(new Document("_id",
                "notifyWatchersOfNewQuestion/" + eventId));
        events.send(QUESTION, questionId, chapter, question(questionId, asker, "CHAPTER", "focus"), eventId);
        await().atMost(WAIT).until(() -> mongo.getCollection("consumed_events").countDocuments(
                new Document("_id", "notifyWatchersOfNewQuestion/" + eventId)) == 1);
        assertThat(mongo.getCollection("notifications").countDocuments(new Document("eventId", eventId)))
                .isEqualTo(1);
        assertThat(total(peer)).isEqualTo(2);
    }

    @Test
    void parksAPoisonRecordInTheDeadLetterTopicAndKeepsGoing() {
        String asker = member("asker", chapter, "VOLUNTEER");
        String peer = member("peer", chapter, "VOLUNTEER");
        awaitMembers(chapter, 2);
        watch(peer, Map.of("chapters", List.of(chapter)));
        try (TopicProbe dlq = new TopicProbe(TestInfrastructure.kafkaBootstrapServers(),
                "notifications.dead-letter.v1")) {
            String poisonKey = "poison-" + chapter;
            events.sendRaw(QUESTION, poisonKey, "this is not a cloud event".getBytes());
            String questionId = UUID.randomUUID().toString();
            events.send(QUESTION, questionId, chapter, question(questionId, asker, "CHAPTER", "focus"));
            await().atMost(Duration.ofSeconds(60)).until(() -> total(peer) == 1);
            await().atMost(Duration.ofSeconds(60)).until(() -> dlq.records().stream()
                    .anyMatch(r -> poisonKey.equals(r.key())));
            var parked = dlq.records().stream().filter(r -> poisonKey.equals(r.key())).findFirst().orElseThrow();
            assertThat(new String(parked.headers().lastHeader("x-original-topic").value())).isEqualTo(QUESTION);
            assertThat(new String(parked.value())).isEqualTo("this is not a cloud event");
        }
    }

    @Test
    void membersReadAndMarkOnlyTheirOwnNotifications() {
        String asker = member("asker", chapter, "VOLUNTEER");
        String peer = member("peer", chapter, "VOLUNTEER");
        String outsider = member("outsider", chapter, "VOLUNTEER");
        awaitMembers(chapter, 3);
        watch(peer, Map.of("chapters", List.of(chapter)));
        String q1 = UUID.randomUUID().toString();
        String q2 = UUID.randomUUID().toString();
        events.send(QUESTION, q1, chapter, question(q1, asker, "CHAPTER", "focus"));
        events.send(QUESTION, q2, chapter, question(q2, asker, "CHAPTER", "focus"));
        await().atMost(WAIT).until(() ->
                http.get("/api/v1/notifications/unread-count", tokenOf(peer)).json().get("count").asLong() == 2);
        JsonNode items = inbox(peer).get("items");
        String first = items.get(0).get("id").asString();

        assertThat(http.post("/api/v1/notifications/" + first + "/read", null, tokenOf(outsider)).status())
                .isEqualTo(404);
        assertThat(http.post("/api/v1/notifications/" + first + "/read", null, tokenOf(peer)).status())
                .isEqualTo(204);
        assertThat(http.get("/api/v1/notifications/unread-count", tokenOf(peer)).json().get("count").asLong())
                .isEqualTo(1);
        assertThat(http.get("/api/v1/notifications?unread=true", tokenOf(peer)).json().get("total").asLong())
                .isEqualTo(1);
        // a cursor: only what is older than the given createdAt
        String newest = items.get(0).get("createdAt").asString();
        assertThat(http.get("/api/v1/notifications?before=" + newest, tokenOf(peer)).json().get("total").asLong())
                .isLessThanOrEqualTo(1);
        assertThat(http.post("/api/v1/notifications/read-all", null, tokenOf(peer)).json().get("updated").asLong())
                .isEqualTo(1);
        assertThat(http.get("/api/v1/notifications/unread-count", tokenOf(peer)).json().get("count").asLong())
                .isZero();
        assertThat(http.get("/api/v1/notifications?size=0", tokenOf(peer)).status()).isEqualTo(400);
    }

    @Test
    void readsTheProducersGoldenSamples() {
        // the samples tell one story: Tomás (a mentor in maths and homework help) joins Riverside, Ada asks,
        // Tomás answers, Ada accepts his answer; Ada submits a story and a lead shares it; Ada is erased
        String tomas = "b387e8d9-b373-49b4-9a23-bb1ad30211e2";
        String ada = "9c845881-e39d-475c-8290-2a04ae0fe9c2";
        events.sendRaw(JOINED, "golden", EventContracts.goldenSample(JOINED));
        events.sendRaw(PROFILE, "golden", EventContracts.goldenSample(PROFILE));
        await().atMost(WAIT).until(() -> mongo.getCollection("member_profiles")
                .countDocuments(new Document("_id", tomas)) == 1
                && mongo.getCollection("chapter_members").countDocuments(new Document("memberId", tomas)) == 1);
        for (String topic : List.of(QUESTION, ANSWER, ACCEPTED, SUBMITTED, SHARED)) {
            events.sendRaw(topic, "golden", EventContracts.goldenSample(topic));
        }
        String tomasToken = TestTokens.token(tomas, "Tomás", Map.of("riverside-homework-club", "MENTOR"));
        String adaToken = TestTokens.token(ada, "Ada", Map.of("riverside-homework-club", "VOLUNTEER"));
        await().atMost(WAIT).until(() ->
                http.get("/api/v1/notifications", tomasToken).json().get("total").asLong() == 2
                        && http.get("/api/v1/notifications", adaToken).json().get("total").asLong() == 1);
        List<String> tomasKinds = new ArrayList<>();
        http.get("/api/v1/notifications", tomasToken).json().get("items")
                .forEach(n -> tomasKinds.add(n.get("kind").asString()));
        assertThat(tomasKinds).containsExactlyInAnyOrder("QUESTION_POSTED", "ANSWER_ACCEPTED");
        assertThat(http.get("/api/v1/notifications", adaToken).json().get("items").get(0).get("kind").asString())
                .isEqualTo("ANSWER_POSTED");
        await().atMost(WAIT).until(() -> mongo.getCollection("consumed_events").countDocuments(new Document("_id",
                new Document("$regex", "^(notifyLeadsOfSubmittedStory|notifySubscribersOfSharedStory)/"))) >= 2);

        events.sendRaw(ERASED, "golden", EventContracts.goldenSample(ERASED));
        await().atMost(WAIT).until(() ->
                http.get("/api/v1/notifications", adaToken).json().get("total").asLong() == 0);
    }
}
