package org.chapterhouse.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.chapterhouse.deploy.local.DemoData;
import org.chapterhouse.support.testing.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * End to end: the five packaged services, the real Kafka broker and the wire-protocol store started by
 * {@code ./chapterhouse up} as separate processes, driven only through the gateway, as a volunteer's browser would.
 * The suite is the run's shared one ({@link RunningSuite}): a test that stops a component starts it again.
 */
@ExtendWith(RunningSuite.class)
class SuiteIT {

    static final Http http = new Http(Suite.GATEWAY);
    static MongoClient store;

    @BeforeAll
    static void openTheStore() {
        store = MongoClients.create(Suite.MONGO);
    }

    @AfterAll
    static void closeTheStore() {
        if (store != null) {
            store.close();
        }
    }

    /** A chapter of the test's own, an asker and a peer in it, signed in. */
    record Chapter(String id, String askerId, String asker, String peerId, String peer) {
    }

    static Chapter newChapter() {
        String admin = http.token(Suite.ADMIN_EMAIL, Suite.ADMIN_PASSWORD);
        String name = "E2E " + UUID.randomUUID().toString().substring(0, 8);
        String chapterId = http.post("/api/v1/chapters", Map.of("name", name, "regionId", "north-region"), admin)
                .json().get("id").asString();
        String askerEmail = "asker-" + chapterId + "@e2e.test";
        String peerEmail = "peer-" + chapterId + "@e2e.test";
        var asker = http.post("/api/v1/auth/register", Map.of("email", askerEmail, "password", "e2e password 1",
                "displayName", "Asker", "chapterId", chapterId), null);
        assertThat(asker.status()).as(asker.raw()).isEqualTo(201);
        var peer = http.post("/api/v1/auth/register", Map.of("email", peerEmail, "password", "e2e password 1",
                "displayName", "Peer", "chapterId", chapterId), null);
        assertThat(peer.status()).isEqualTo(201);
        String peerToken = http.token(peerEmail, "e2e password 1");
        // the peer watches the chapter, so its new questions reach them
        var watching = http.put("/api/v1/subscriptions", Map.of("questions", List.of(), "tags", List.of(),
                "chapters", List.of(chapterId), "network", false), peerToken);
        assertThat(watching.status()).as(watching.raw()).isEqualTo(200);
        return new Chapter(chapterId, asker.json().get("id").asString(), http.token(askerEmail, "e2e password 1"),
                peer.json().get("id").asString(), peerToken);
    }

    static List<JsonNode> inbox(String token) {
        JsonNode items = http.get("/api/v1/notifications?size=100", token).json().get("items");
        return StreamSupport.stream(items.spliterator(), false).toList();
    }

    static long notificationsAbout(String token, String questionId, String kind) {
        return inbox(token).stream().filter(n -> questionId.equals(n.get("questionId").asString())
                && kind.equals(n.get("kind").asString())).count();
    }

    static String ask(Chapter c, String title) {
        var r = http.post("/api/v1/questions", Map.of("title", title, "body", "What has worked for you?",
                "tags", List.of("e2e"), "chapterId", c.id()), c.asker());
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    @Test
    void theDemoNetworkIsLoadedAndItsPeopleCanSignIn() {
        assertThat(http.get("/api/v1/chapters", null).json().get("total").asLong()).isGreaterThanOrEqualTo(4);
        String milo = http.token("milo" + DemoData.DOMAIN, DemoData.PASSWORD);
        assertThat(http.get("/api/v1/questions?chapterId=riverside-homework-club", milo).json().get("total")
                .asLong()).isGreaterThanOrEqualTo(2);
        await().atMost(Duration.ofSeconds(60)).until(() -> !inbox(milo).isEmpty());
    }

    @Test
    void aQuestionAnAnswerAndAnAcceptanceReachTheRightInboxes() {
        Chapter c = newChapter();
        String questionId = ask(c, "How do you run a homework club with one volunteer?");

        await().atMost(Duration.ofSeconds(60)).until(() -> notificationsAbout(c.peer(), questionId,
                "QUESTION_POSTED") == 1);
        assertThat(notificationsAbout(c.asker(), questionId, "QUESTION_POSTED")).isZero();

        var answer = http.post("/api/v1/questions/" + questionId + "/answers",
                Map.of("body", "Pair the children up so they help each other."), c.peer());
        assertThat(answer.status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(60)).until(() -> notificationsAbout(c.asker(), questionId,
                "ANSWER_POSTED") == 1);

        var accepted = http.put("/api/v1/questions/" + questionId + "/accepted-answer",
                Map.of("answerId", answer.json().get("id").asString()), c.asker());
        assertThat(accepted.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> notificationsAbout(c.peer(), questionId,
                "ANSWER_ACCEPTED") == 1);

        // a member of another chapter sees neither the question nor anything about it
        String outsider = http.token("carlos" + DemoData.DOMAIN, DemoData.PASSWORD);
        assertThat(http.get("/api/v1/questions/" + questionId, outsider).status()).isEqualTo(404);
        assertThat(notificationsAbout(outsider, questionId, "QUESTION_POSTED")).isZero();
    }

    @Test
    void aQuestionPostedWhileTheBrokerIsDownIsKeptAndDeliveredOnceWhenItReturns() {
        Chapter c = newChapter();
        Suite.run("stop", "kafka");
        String questionId;
        try {
            questionId = ask(c, "Posted while the broker was away: is it kept?");
            MongoCollection<Document> questions = store.getDatabase("discussions").getCollection("questions");
            Document pending = questions.find(new Document("_id", questionId)).first();
            assertThat(pending).isNotNull();
            assertThat(pending.getList("outbox", Document.class)).hasSize(1);
            assertThat(http.get("/api/v1/questions/" + questionId, c.peer()).status()).isEqualTo(200);
        } finally {
            Suite.run("start", "kafka");
        }
        await().atMost(Duration.ofSeconds(120)).until(() -> notificationsAbout(c.peer(), questionId,
                "QUESTION_POSTED") == 1);
        MongoCollection<Document> questions = store.getDatabase("discussions").getCollection("questions");
        await().atMost(Duration.ofSeconds(60)).until(() -> questions.find(new Document("_id", questionId)).first()
                .getList("outbox", Document.class).isEmpty());
        // published at least once, notified exactly once
        assertThat(store.getDatabase("notifications").getCollection("notifications")
                .countDocuments(new Document("questionId", questionId).append("recipientId", c.peerId())))
                .isEqualTo(1);
    }

    /** Whether every partition the group reads has its committed offset at the end of the partition. */
    static boolean caughtUp(String group) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Suite.KAFKA))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            if (committed.isEmpty()) {
                return false;
            }
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get();
            return committed.entrySet().stream().allMatch(e -> e.getValue() != null
                    && e.getValue().offset() >= ends.get(e.getKey()).offset());
        }
    }

    @Test
    void theReferenceSubscriberGivesTheSameFiguresWhenTheStreamIsReplayed() throws Exception {
        Http analytics = new Http(Suite.ANALYTICS);
        await().atMost(Duration.ofSeconds(120)).until(() -> caughtUp("analytics-subscriber"));
        String weekly = analytics.get("/api/v1/analytics/weekly", null).raw();
        String leaders = analytics.get("/api/v1/analytics/leaders?limit=100", null).raw();
        JsonNode status = analytics.get("/api/v1/analytics/status", null).json();
        // the demo network: 6 questions, 3 accepted, 2 stories shared, all read from the stream
        assertThat(status.get("factsStored").asLong()).isGreaterThan(40);
        assertThat(weekly).contains("riverside-homework-club").contains("hillside-reading-circle");

        Suite.run("stop", "analytics");
        try {
            Suite.run("replay", "analytics-subscriber");
        } finally {
            Suite.run("start", "analytics");
        }
        await().atMost(Duration.ofSeconds(120)).until(() -> caughtUp("analytics-subscriber"));

        assertThat(analytics.get("/api/v1/analytics/weekly", null).raw()).isEqualTo(weekly);
        assertThat(analytics.get("/api/v1/analytics/leaders?limit=100", null).raw()).isEqualTo(leaders);
        assertThat(analytics.get("/api/v1/analytics/status", null).json().get("factsStored").asLong())
                .isEqualTo(status.get("factsStored").asLong());
    }

    @Test
    void badInputThroughTheGatewayIsAProblemAndChangesNothing() {
        Chapter c = newChapter();
        long before = store.getDatabase("discussions").getCollection("questions").countDocuments();
        var r = http.post("/api/v1/questions", Map.of("title", "short", "body", "b", "tags", List.of(),
                "chapterId", c.id()), c.asker());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(http.get("/api/v1/questions", null).status()).isEqualTo(401);
        assertThat(store.getDatabase("discussions").getCollection("questions").countDocuments()).isEqualTo(before);
    }

    @Test
    void searchTagsSimilarQuestionsAndModerationWorkThroughTheGateway() {
        Chapter c = newChapter();
        String word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String id = ask(c, "Recruiting volunteers for the " + word + " winter fair");
        var found = http.get("/api/v1/questions?q=recruit+" + word, c.peer());
        assertThat(found.status()).as(found.raw()).isEqualTo(200);
        assertThat(found.json().get("items").get(0).get("id").asString()).isEqualTo(id);
        assertThat(found.json().get("items").get(0).get("highlight").get("title").asString()).contains("<mark>");
        assertThat(http.get("/api/v1/questions/similar?title=volunteers+for+the+" + word, c.peer()).raw())
                .contains(id);
        assertThat(http.get("/api/v1/tags?chapterId=" + c.id() + "&prefix=e2", c.peer()).raw())
                .contains("\"tag\":\"e2e\"");

        assertThat(http.post("/api/v1/questions/" + id + "/flags", Map.of("reason", "SPAM"), c.peer()).status())
                .isEqualTo(201);
        String lead = leadOf(c);
        await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/v1/moderation/queue?chapterId=" + c.id(),
                lead).raw().contains(id));
        assertThat(http.post("/api/v1/moderation/questions/" + id + "/hide", Map.of(), lead).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/questions/" + id, c.peer()).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/questions?q=" + word, c.peer()).json().get("total").asLong()).isZero();
    }

    /** Registers a third member of the chapter and makes them its lead; their token. */
    static String leadOf(Chapter c) {
        String admin = http.token(Suite.ADMIN_EMAIL, Suite.ADMIN_PASSWORD);
        String email = "lead-" + c.id() + "@e2e.test";
        var lead = http.post("/api/v1/auth/register", Map.of("email", email, "password", "e2e password 1",
                "displayName", "Lead", "chapterId", c.id()), null);
        assertThat(lead.status()).as(lead.raw()).isEqualTo(201);
        assertThat(http.put("/api/v1/chapters/" + c.id() + "/members/" + lead.json().get("id").asString() + "/role",
                Map.of("role", "CHAPTER_LEAD"), admin).status()).isEqualTo(200);
        return http.token(email, "e2e password 1");
    }

    @Test
    void erasureLeavesNoNameEmailOrProfileOfThePersonInAnyServicesStore() {
        Chapter c = newChapter();
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String name = "Erin Erasable " + marker;
        String email = "erin-" + marker + "@e2e.test";
        var registered = http.post("/api/v1/auth/register", Map.of("email", email, "password", "e2e password 1",
                "displayName", name, "chapterId", c.id()), null);
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        String memberId = registered.json().get("id").asString();
        String erin = http.token(email, "e2e password 1");
        assertThat(http.patch("/api/v1/members/me", Map.of("bio", "Bio of " + marker, "skills",
                List.of("skill-" + marker)), erin).status()).isEqualTo(200);
        String question = http.post("/api/v1/questions", Map.of("title", "A question by the member to be erased",
                "body", "Body", "tags", List.of("e2e"), "chapterId", c.id()), erin).json().get("id").asString();
        String other = ask(c, "A question the member to be erased answers");
        assertThat(http.post("/api/v1/questions/" + other + "/answers", Map.of("body", "An answer"), erin).status())
                .isEqualTo(201);
        var story = http.post("/api/v1/stories", Map.of("title", "A story by the member to be erased",
                "body", "Story body", "kind", "IDEA", "tags", List.of("e2e"), "chapterId", c.id(),
                "visibility", "CHAPTER"), erin);
        assertThat(story.status()).as(story.raw()).isEqualTo(201);
        // the name has reached the other services' stores before the erasure
        await().atMost(Duration.ofSeconds(60)).until(() -> !databasesContaining(name).isEmpty()
                && databasesContaining(name).contains("discussions"));

        assertThat(http.delete("/api/v1/members/" + memberId, erin).status()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            assertThat(databasesContaining(name)).as("databases still holding the name").isEmpty();
            assertThat(databasesContaining(email)).as("databases still holding the email").isEmpty();
            assertThat(databasesContaining("skill-" + marker)).as("databases still holding the profile").isEmpty();
        });
        // the posts stay readable, authored by a former member
        assertThat(http.get("/api/v1/questions/" + question, c.peer()).json().get("authorName").asString())
                .isEqualTo("former member");
        assertThat(http.get("/api/v1/members/" + memberId, c.peer()).status()).isEqualTo(404);
        assertThat(http.post("/api/v1/auth/token", Map.of("email", email, "password", "e2e password 1"), null)
                .status()).isEqualTo(401);
    }

    /** The names of the databases in which some document contains {@code text}. */
    static List<String> databasesContaining(String text) {
        List<String> found = new java.util.ArrayList<>();
        for (String db : store.listDatabaseNames()) {
            for (String collection : store.getDatabase(db).listCollectionNames()) {
                for (Document d : store.getDatabase(db).getCollection(collection).find()) {
                    if (d.toJson().contains(text)) {
                        found.add(db);
                        break;
                    }
                }
            }
        }
        return found.stream().distinct().toList();
    }

    /** One member of the matrix: who they are and their token (null: anonymous). */
    record Actor(String name, String id, String token) {
    }

    static Actor member(String chapterId, String label, String role) {
        String email = label + "-" + chapterId + "@e2e.test";
        var r = http.post("/api/v1/auth/register", Map.of("email", email, "password", "e2e password 1",
                "displayName", label, "chapterId", chapterId), null);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        String id = r.json().get("id").asString();
        if (role != null) {
            String admin = http.token(Suite.ADMIN_EMAIL, Suite.ADMIN_PASSWORD);
            assertThat(http.put("/api/v1/chapters/" + chapterId + "/members/" + id + "/role", Map.of("role", role),
                    admin).status()).isEqualTo(200);
        }
        return new Actor(label, id, http.token(email, "e2e password 1"));
    }

    static String chapter() {
        String admin = http.token(Suite.ADMIN_EMAIL, Suite.ADMIN_PASSWORD);
        return http.post("/api/v1/chapters", Map.of("name", "Matrix " + UUID.randomUUID().toString().substring(0, 8),
                "regionId", "south-region"), admin).json().get("id").asString();
    }

    @Test
    void noReadOrWriteCrossesAChapterOrRoleBoundaryAndNoIdentityComesFromTheRequest() {
        String a = chapter();
        String b = chapter();
        Actor author = member(a, "author", null);
        Actor peerA = member(a, "peer", null);
        Actor leadA = member(a, "lead", "CHAPTER_LEAD");
        Actor memberB = member(b, "outsider", null);
        Actor leadB = member(b, "otherlead", "CHAPTER_LEAD");
        Actor staff = new Actor("staff", null, http.token("sofia" + DemoData.DOMAIN, DemoData.PASSWORD));
        Actor anonymous = new Actor("anonymous", null, null);
        List<Actor> everyone = List.of(author, peerA, leadA, memberB, leadB, staff, anonymous);

        String marker = "mx" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String chapterOnly = http.post("/api/v1/questions", Map.of("title", "Chapter-only question " + marker,
                "body", "Only chapter A sees this", "tags", List.of("matrix"), "chapterId", a, "visibility", "CHAPTER"),
                author.token()).json().get("id").asString();
        String network = http.post("/api/v1/questions", Map.of("title", "Network question " + marker,
                "body", "Everyone signed in sees this", "tags", List.of("matrix"), "chapterId", a,
                "visibility", "NETWORK"), author.token()).json().get("id").asString();
        String answer = http.post("/api/v1/questions/" + chapterOnly + "/answers", Map.of("body", "An answer"),
                peerA.token()).json().get("id").asString();
        var story = http.post("/api/v1/stories", Map.of("title", "A chapter story " + marker, "body", "For A",
                "kind", "IDEA", "tags", List.of("matrix"), "chapterId", a, "visibility", "CHAPTER"), author.token());
        assertThat(story.status()).as(story.raw()).isEqualTo(201);
        String storyId = story.json().get("id").asString();
        assertThat(http.post("/api/v1/stories/" + storyId + "/submission", null, author.token()).status())
                .isEqualTo(200);

        var soft = new org.assertj.core.api.SoftAssertions();
        record Cell(String what, Actor who, int expected, java.util.function.Function<String, Http.Response> call) {
        }
        List<Cell> cells = new java.util.ArrayList<>();
        Map<String, java.util.function.Function<String, Http.Response>> reads = new java.util.LinkedHashMap<>();
        reads.put("read the chapter-only question", token -> http.get("/api/v1/questions/" + chapterOnly, token));
        reads.put("read its answer", token -> http.get("/api/v1/answers/" + answer, token));
        reads.put("read the network question", token -> http.get("/api/v1/questions/" + network, token));
        reads.put("read the submitted chapter story", token -> http.get("/api/v1/stories/" + storyId, token));
        reads.put("read the author's chapter profile", token -> http.get("/api/v1/members/" + author.id(), token));
        reads.put("chapter A's moderation queue", token -> http.get("/api/v1/moderation/queue?chapterId=" + a, token));
        reads.put("chapter A's webhooks", token -> http.get("/api/v1/webhooks?chapterId=" + a, token));
        int[][] readExpected = {
                // author, peerA, leadA, memberB, leadB, staff, anonymous
                {200, 200, 200, 404, 404, 200, 401},
                {200, 200, 200, 404, 404, 200, 401},
                {200, 200, 200, 200, 200, 200, 401},
                {200, 404, 200, 404, 404, 200, 404},
                {200, 200, 200, 404, 404, 200, 401},
                {403, 403, 200, 403, 403, 200, 401},
                {403, 403, 200, 403, 403, 403, 401},
        };
        int row = 0;
        for (var read : reads.entrySet()) {
            for (int col = 0; col < everyone.size(); col++) {
                cells.add(new Cell(read.getKey(), everyone.get(col), readExpected[row][col], read.getValue()));
            }
            row++;
        }
        // writes that must be refused (each would change something if it were let through)
        for (Actor outsider : List.of(memberB, leadB)) {
            cells.add(new Cell("answer the chapter-only question", outsider, 404, token -> http.post(
                    "/api/v1/questions/" + chapterOnly + "/answers", Map.of("body", "Let me in"), token)));
            cells.add(new Cell("accept on the chapter-only question", outsider, 404, token -> http.put(
                    "/api/v1/questions/" + chapterOnly + "/accepted-answer", Map.of("answerId", answer), token)));
            cells.add(new Cell("vote on the chapter-only question", outsider, 404, token -> http.post(
                    "/api/v1/questions/" + chapterOnly + "/votes", Map.of("value", 1), token)));
            cells.add(new Cell("hide the chapter-only question", outsider, 404, token -> http.post(
                    "/api/v1/moderation/questions/" + chapterOnly + "/hide", Map.of(), token)));
            cells.add(new Cell("ask in chapter A", outsider, 403, token -> http.post("/api/v1/questions", Map.of(
                    "title", "Asked in a chapter I am not in", "body", "b", "tags", List.of("x"), "chapterId", a),
                    token)));
            // a member who reviews nowhere is refused before any lookup (403 for every id, so it tells nothing);
            // a lead elsewhere cannot see the story at all (404)
            cells.add(new Cell("publish chapter A's story", outsider, outsider == leadB ? 404 : 403,
                    token -> http.post("/api/v1/stories/" + storyId + "/publication", null, token)));
            cells.add(new Cell("register a webhook for chapter A", outsider, 403, token -> http.post(
                    "/api/v1/webhooks?chapterId=" + a, Map.of("url", "https://example.org/hook"), token)));
            cells.add(new Cell("change a role in chapter A", outsider, 403, token -> http.put("/api/v1/chapters/" + a
                    + "/members/" + peerA.id() + "/role", Map.of("role", "CHAPTER_LEAD"), token)));
        }
        cells.add(new Cell("accept on someone else's question", peerA, 403, token -> http.put(
                "/api/v1/questions/" + chapterOnly + "/accepted-answer", Map.of("answerId", answer), token)));
        cells.add(new Cell("edit someone else's question", peerA, 403, token -> http.patch(
                "/api/v1/questions/" + chapterOnly, Map.of("title", "Taken over by a peer"), token,
                Map.of("If-Match", "\"0\""))));
        cells.add(new Cell("hide a question without being a lead", peerA, 403, token -> http.post(
                "/api/v1/moderation/questions/" + chapterOnly + "/hide", Map.of(), token)));
        cells.add(new Cell("grant a role without being a lead", peerA, 403, token -> http.put("/api/v1/chapters/" + a
                + "/members/" + peerA.id() + "/role", Map.of("role", "CHAPTER_LEAD"), token)));
        cells.add(new Cell("grant a network role as a lead", leadA, 403, token -> http.put("/api/v1/members/"
                + peerA.id() + "/roles", Map.of("roles", List.of("STAFF")), token)));
        cells.add(new Cell("publish one's own story", author, 403, token -> http.post("/api/v1/stories/" + storyId
                + "/publication", null, token)));
        cells.add(new Cell("erase another member", leadA, 403, token -> http.delete("/api/v1/members/"
                + author.id(), token)));
        cells.add(new Cell("rotate the signing keys", staff, 403, token -> http.post(
                "/api/v1/admin/signing-keys/rotation", Map.of(), token)));
        // the author is told of the peer's answer; nobody else can read or mark that notification
        await().atMost(Duration.ofSeconds(60)).until(() -> !inbox(author.token()).isEmpty());
        String authorsNotification = inbox(author.token()).get(0).get("id").asString();
        for (Actor other : List.of(peerA, leadA, memberB, staff)) {
            cells.add(new Cell("mark the author's notification read", other, 404, token -> http.post(
                    "/api/v1/notifications/" + authorsNotification + "/read", null, token)));
        }
        for (Cell cell : cells) {
            Http.Response r = cell.call().apply(cell.who().token());
            soft.assertThat(r.status()).as(cell.who().name() + ": " + cell.what() + " -> " + r.raw())
                    .isEqualTo(cell.expected());
            if (r.status() >= 400) {
                soft.assertThat(r.contentType()).as(cell.who().name() + ": " + cell.what() + " content type")
                        .startsWith("application/problem+json");
            }
        }
        // searches and lists honour the same line
        soft.assertThat(http.get("/api/v1/questions?q=" + marker, memberB.token()).json().get("total").asLong())
                .as("an outsider's search").isEqualTo(1);
        soft.assertThat(http.get("/api/v1/questions?q=" + marker, peerA.token()).json().get("total").asLong())
                .as("a chapter member's search").isEqualTo(2);
        soft.assertThat(http.get("/api/v1/tags?chapterId=" + a + "&prefix=matrix", memberB.token()).raw())
                .as("an outsider's tag count").contains("\"questions\":1");
        soft.assertThat(http.get("/api/v1/stories/review-queue?chapterId=" + a, leadB.token()).raw())
                .as("another lead's review queue").doesNotContain(storyId);
        soft.assertThat(http.get("/api/v1/stories/review-queue?chapterId=" + a, leadA.token()).raw())
                .as("the chapter lead's review queue").contains(storyId);

        // no identity from a body or a client header
        var claimed = http.post("/api/v1/questions", Map.of("title", "Who wrote this question, really?",
                "body", "b", "tags", List.of("matrix"), "chapterId", a, "authorId", leadA.id()), peerA.token());
        soft.assertThat(claimed.status()).as("an authorId in the body").isEqualTo(400);
        var spoofed = http.post("/api/v1/questions", Map.of("title", "Posted with a spoofed header",
                "body", "b", "tags", List.of("matrix"), "chapterId", a), peerA.token(),
                Map.of("X-Member-Id", leadA.id(), "X-Member-Roles", "ADMIN"));
        soft.assertThat(spoofed.status()).isEqualTo(201);
        soft.assertThat(spoofed.json().get("authorId").asString()).as("the author of a spoofed post")
                .isEqualTo(peerA.id());
        soft.assertThat(http.get("/api/v1/questions/" + chapterOnly, org.chapterhouse.support.testing.TestTokens
                .forged(leadA.id(), Map.of(a, "CHAPTER_LEAD"))).status()).as("a forged token").isEqualTo(401);
        // a real token whose claims were changed after signing: the member makes themself a lead of chapter A
        String[] parts = peerA.token().split("\\.");
        String claims = new String(java.util.Base64.getUrlDecoder().decode(parts[1]),
                java.nio.charset.StandardCharsets.UTF_8).replace("\"VOLUNTEER\"", "\"CHAPTER_LEAD\"");
        String tampered = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                claims.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[2];
        soft.assertThat(claims).contains("CHAPTER_LEAD");
        soft.assertThat(http.get("/api/v1/moderation/queue?chapterId=" + a, tampered).status())
                .as("a tampered token").isEqualTo(401);
        soft.assertThat(http.get("/api/v1/notifications/unread-count", author.token()).json().get("count").asLong())
                .as("the author's unread count after others tried to mark it").isGreaterThanOrEqualTo(1);
        soft.assertAll();
    }
}
