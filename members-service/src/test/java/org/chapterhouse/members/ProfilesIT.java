package org.chapterhouse.members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.chapterhouse.members.events.MemberProfileUpdated;
import org.chapterhouse.support.testing.EventContracts;
import org.chapterhouse.support.testing.ServiceIntegrationTest;
import org.chapterhouse.support.testing.TestInfrastructure;
import org.chapterhouse.support.testing.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ServiceIntegrationTest
@TestPropertySource(properties = {
        "chapterhouse.members.admin.email=admin@chapterhouse.test",
        "chapterhouse.members.admin.password=admin-password-1"})
class ProfilesIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    Fixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new Fixture(port);
    }

    @Test
    void changesTheCallersProfileAndPublishesEachVersionOfIt() {
        String chapter = fixture.chapter("Profiles");
        var ada = fixture.register("Ada", chapter);

        var patched = fixture.http.patch("/api/v1/members/me", Map.of(
                "displayName", "  Ada Lovelace ",
                "bio", "I teach **maths**. <script>alert(1)</script>",
                "skills", List.of("Homework Help", "maths", "homework-help"),
                "programs", List.of("After School"),
                "availability", "Tuesday evenings",
                "profileVisibility", "NETWORK"), ada.token());
        assertThat(patched.status()).as(patched.raw()).isEqualTo(200);
        JsonNode me = fixture.me(ada.token());
        assertThat(me.get("displayName").asString()).isEqualTo("Ada Lovelace");
        assertThat(me.get("email").asString()).isEqualTo(ada.email());
        assertThat(me.get("bio").asString()).isEqualTo("I teach **maths**. <script>alert(1)</script>");
        assertThat(me.get("bioHtml").asString()).contains("<strong>maths</strong>").doesNotContain("<script");
        assertThat(strings(me.get("skills"))).containsExactly("homework-help", "maths");
        assertThat(strings(me.get("programs"))).containsExactly("after-school");
        assertThat(me.get("availability").asString()).isEqualTo("Tuesday evenings");
        assertThat(me.get("profileVisibility").asString()).isEqualTo("NETWORK");

        // a change to only one field keeps the others
        fixture.http.patch("/api/v1/members/me", Map.of("availability", ""), ada.token());
        me = fixture.me(ada.token());
        assertThat(me.get("availability").isNull()).isTrue();
        assertThat(strings(me.get("skills"))).containsExactly("homework-help", "maths");

        // the same change again changes nothing and raises nothing
        fixture.http.patch("/api/v1/members/me", Map.of("profileVisibility", "NETWORK"), ada.token());

        List<JsonNode> events = profileEvents(ada.id(), 3);
        assertThat(events.get(0).get("data").get("displayName").asString()).isEqualTo("Ada"); // at registration
        assertThat(events.get(0).get("data").get("profileVisibility").asString()).isEqualTo("CHAPTER");
        JsonNode changed = events.get(1).get("data");
        assertThat(changed.get("displayName").asString()).isEqualTo("Ada Lovelace");
        assertThat(strings(changed.get("skills"))).containsExactly("homework-help", "maths");
        assertThat(strings(changed.get("programs"))).containsExactly("after-school");
        assertThat(strings(changed.get("chapterIds"))).containsExactly(chapter);
        assertThat(changed.get("erased").asBoolean()).isFalse();
        assertThat(events.get(1).get("chapterid").asString()).isEqualTo(chapter);
        assertThat(events.toString()).doesNotContain(ada.email()).doesNotContain("Tuesday");
    }

    @Test
    void publishesTheNewChapterIdsWhenAMemberJoinsAChapter() {
        String home = fixture.chapter("Home");
        String other = fixture.chapter("Other");
        var grace = fixture.register("Grace", home);
        assertThat(fixture.http.post("/api/v1/chapters/" + other + "/members", null, grace.token()).status())
                .isEqualTo(200);
        List<JsonNode> events = profileEvents(grace.id(), 2);
        assertThat(strings(events.get(1).get("data").get("chapterIds"))).containsExactly(home, other);
    }

    @Test
    void publishesTheStoredProfileLastWhenChangesRace() throws Exception {
        var eve = fixture.register("Eve", fixture.chapter("Race"));
        int writers = 6;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String skill = "skill-" + i;
                statuses.add(pool.submit(() -> {
                    start.await();
                    return fixture.http.patch("/api/v1/members/me", Map.of("skills", List.of(skill)), eve.token())
                            .status();
                }));
            }
            start.countDown();
            int accepted = 0;
            for (var status : statuses) {
                int s = status.get();
                assertThat(s).isIn(200, 409);
                accepted += s == 200 ? 1 : 0;
            }
            assertThat(accepted).isPositive();
            List<String> stored = strings(fixture.me(eve.token()).get("skills"));
            List<JsonNode> events = profileEvents(eve.id(), 1 + accepted);
            assertThat(strings(events.get(events.size() - 1).get("data").get("skills"))).isEqualTo(stored);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rejectsAProfileWithTooManySkills() {
        var bob = fixture.register("Bob", fixture.chapter("Skills"));
        List<String> skills = IntStream.rangeClosed(1, 21).mapToObj(i -> "skill " + i).toList();
        var refused = fixture.http.patch("/api/v1/members/me", Map.of("skills", skills), bob.token());
        assertProblem(refused, 400);
        assertThat(refused.raw()).contains("skills");
        assertThat(fixture.me(bob.token()).get("skills").size()).isZero();
    }

    @Test
    void rejectsBadProfileChangesWithProblemDetailsAndChangesNothing() {
        var carol = fixture.register("Carol", fixture.chapter("Bad input"));
        Document before = stored(carol.id());
        List<Object> bad = new ArrayList<>();
        bad.add(Map.of("displayName", ""));
        bad.add(Map.of("displayName", "   "));
        bad.add(Map.of("displayName", "x".repeat(81)));
        bad.add(Map.of("bio", "b".repeat(2001)));
        bad.add(Map.of("programs", IntStream.rangeClosed(1, 11).mapToObj(i -> "p" + i).toList()));
        bad.add(Map.of("skills", List.of("!!!")));
        bad.add(Map.of("skills", List.of("")));
        bad.add(Map.of("skills", List.of("s".repeat(51))));
        bad.add(Map.of("availability", "a".repeat(201)));
        bad.add(Map.of("profileVisibility", "EVERYONE"));
        bad.add(Map.of("email", "new@example.org"));
        bad.add(Map.of("roles", List.of("ADMIN")));
        bad.add(Map.of("skills", "not a list"));
        bad.add("{nope");
        for (Object body : bad) {
            assertProblem(fixture.http.patch("/api/v1/members/me", body, carol.token()), 400);
        }
        assertThat(stored(carol.id())).isEqualTo(before);
        assertThat(fixture.http.patch("/api/v1/members/me", Map.of("bio", "x"), null).status()).isEqualTo(401);
    }

    @Test
    void showsAChapterProfileOnlyToChapterPeersStaffAndTheMember() {
        String riverside = fixture.chapter("Riverside");
        String hillside = fixture.chapter("Hillside");
        var dana = fixture.register("Dana", riverside);
        var peer = fixture.register("Peer", riverside);
        var stranger = fixture.register("Stranger", hillside);
        var staff = fixture.register("Staff", hillside);
        String admin = fixture.admin();
        assertThat(fixture.http.put("/api/v1/members/" + staff.id() + "/roles", Map.of("roles", List.of("STAFF")),
                admin).status()).isEqualTo(200);
        String staffToken = fixture.token(staff);
        String path = "/api/v1/members/" + dana.id();

        var seenByPeer = fixture.http.get(path, peer.token());
        assertThat(seenByPeer.status()).isEqualTo(200);
        assertThat(seenByPeer.json().has("email")).isFalse();
        assertThat(seenByPeer.raw()).doesNotContain(dana.email());
        assertProblem(fixture.http.get(path, stranger.token()), 404);
        assertThat(fixture.http.get(path, staffToken).status()).isEqualTo(200);
        assertThat(fixture.http.get(path, staffToken).raw()).doesNotContain(dana.email());
        assertThat(fixture.http.get(path, dana.token()).json().get("email").asString()).isEqualTo(dana.email());
        assertThat(fixture.http.get(path, admin).json().get("email").asString()).isEqualTo(dana.email());

        fixture.http.patch("/api/v1/members/me", Map.of("profileVisibility", "NETWORK"), dana.token());
        var seenByStranger = fixture.http.get(path, stranger.token());
        assertThat(seenByStranger.status()).isEqualTo(200);
        assertThat(seenByStranger.raw()).doesNotContain(dana.email());

        assertProblem(fixture.http.get("/api/v1/members/no-such-member", admin), 404);
    }

    @Test
    void readsAMemberStoredBeforeProfilesExisted() {
        String chapter = fixture.chapter("Legacy");
        String id = "legacy-" + Fixture.unique();
        // the first release's document shape: no profile fields, no revision
        mongo.getCollection("members").insertOne(new Document("_id", id).append("email", id + "@example.org")
                .append("passwordHash", "{noop}x").append("displayName", "Old Timer").append("homeChapterId", chapter)
                .append("chapters", List.of(new Document("chapterId", chapter).append("role", "VOLUNTEER")))
                .append("networkRoles", List.of()).append("createdAt", new java.util.Date()));
        var peer = fixture.register("Peer", chapter);
        JsonNode old = fixture.http.get("/api/v1/members/" + id, peer.token()).json();
        assertThat(old.get("displayName").asString()).isEqualTo("Old Timer");
        assertThat(old.get("profileVisibility").asString()).isEqualTo("CHAPTER");
        assertThat(old.get("skills").size()).isZero();
        var found = fixture.http.get("/api/v1/members?q=old+tim&chapterId=" + chapter, peer.token()).json();
        assertThat(found.get("total").asLong()).isEqualTo(1);

        // the first change of such a member is a compare-and-set on "no revision yet"
        String token = fixture.http.token(id + "@example.org", "x");
        var changed = fixture.http.patch("/api/v1/members/me", Map.of("skills", List.of("gardening")), token);
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        Document stored = mongo.getCollection("members").find(new Document("_id", id)).first();
        assertThat(stored.get("revision", Number.class).longValue()).isEqualTo(1);
        assertThat(stored.getList("skills", String.class)).containsExactly("gardening");
        assertThat(stored.getString("searchText")).contains("old timer").contains("gardening");
        assertThat(profileEvents(id, 1).get(0).get("data").get("displayName").asString()).isEqualTo("Old Timer");
    }

    private List<JsonNode> profileEvents(String memberId, int expected) {
        try (TopicProbe probe = new TopicProbe(TestInfrastructure.kafkaBootstrapServers(),
                MemberProfileUpdated.TOPIC)) {
            List<ConsumerRecord<String, byte[]>> mine = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                mine.clear();
                probe.records().stream().filter(r -> memberId.equals(r.key())).forEach(mine::add);
                return mine.size() >= expected;
            });
            // nothing more arrives than expected
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() ->
                    probe.records().stream().filter(r -> memberId.equals(r.key())).count() == expected);
            mine.forEach(r -> assertThat(EventContracts.violations(r.topic(), r.value())).as(r.topic()).isEmpty());
            return mine.stream().map(r -> JSON.readTree(r.value())).toList();
        }
    }

    private Document stored(String id) {
        Document d = mongo.getCollection("members").find(new Document("_id", id)).first();
        Map<String, Object> copy = new HashMap<>(d);
        copy.remove("outbox"); // the relay publishes and pulls events meanwhile
        return new Document(copy);
    }

    static void assertProblem(org.chapterhouse.support.testing.Http.Response response, int status) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }
}
