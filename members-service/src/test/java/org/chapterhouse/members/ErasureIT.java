package org.chapterhouse.members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.chapterhouse.members.ProfilesIT.assertProblem;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.chapterhouse.members.events.MemberErased;
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
class ErasureIT {

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
    void erasesAMemberOnTheirRequestLeavingNothingPersonalAnywhereInTheDatabase() {
        String home = fixture.chapter("Erasure");
        String other = fixture.chapter("Elsewhere");
        String name = "Zelda " + Fixture.unique();
        var zelda = fixture.register(name, home);
        fixture.http.post("/api/v1/chapters/" + other + "/members", null, zelda.token());
        String token = fixture.token(zelda);
        String bio = "bio-" + Fixture.unique();
        fixture.http.patch("/api/v1/members/me", Map.of("bio", bio, "skills", List.of("zither-" + bio),
                "availability", "weekends-" + bio), token);
        // a failed sign-in leaves a counter for the email
        fixture.http.post("/api/v1/auth/token", Map.of("email", zelda.email(), "password", "wrong password"), null);

        Instant before = Instant.now();
        var erased = fixture.http.delete("/api/v1/members/" + zelda.id(), token);
        assertThat(erased.status()).as(erased.raw()).isEqualTo(204);

        try (TopicProbe probe = new TopicProbe(TestInfrastructure.kafkaBootstrapServers(), MemberErased.TOPIC,
                MemberProfileUpdated.TOPIC)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> probe.records().stream()
                    .anyMatch(r -> r.topic().equals(MemberErased.TOPIC) && zelda.id().equals(r.key()))
                    && probe.records().stream().filter(r -> r.topic().equals(MemberProfileUpdated.TOPIC)
                    && zelda.id().equals(r.key())).count() == 4);
            List<ConsumerRecord<String, byte[]>> mine = probe.records().stream()
                    .filter(r -> zelda.id().equals(r.key())).toList();
            mine.forEach(r -> assertThat(EventContracts.violations(r.topic(), r.value())).as(r.topic()).isEmpty());
            JsonNode erasedEvent = JSON.readTree(mine.stream().filter(r -> r.topic().equals(MemberErased.TOPIC))
                    .findFirst().orElseThrow().value());
            assertThat(erasedEvent.get("subject").asString()).isEqualTo(zelda.id());
            assertThat(erasedEvent.get("chapterid").asString()).isEqualTo(home);
            assertThat(ProfilesIT.strings(erasedEvent.get("data").get("chapterIds"))).containsExactly(home, other);
            assertThat(Instant.parse(erasedEvent.get("data").get("erasedAt").asString())).isAfterOrEqualTo(
                    before.minusSeconds(1));
            assertThat(new String(mine.stream().filter(r -> r.topic().equals(MemberErased.TOPIC)).findFirst()
                    .orElseThrow().value())).doesNotContain(name).doesNotContain(zelda.email());
            // the last profile record replaces the earlier ones on compaction
            JsonNode last = JSON.readTree(mine.stream().filter(r -> r.topic().equals(MemberProfileUpdated.TOPIC))
                    .reduce((a, b) -> b).orElseThrow().value()).get("data");
            assertThat(last.get("erased").asBoolean()).isTrue();
            assertThat(last.get("displayName").asString()).isEqualTo("former member");
            assertThat(last.get("skills").size()).isZero();
        }

        // the outbox is drained, and then nothing of the person is left in any collection
        await().atMost(Duration.ofSeconds(10)).until(() -> mongo.getCollection("members").countDocuments(
                new Document("_id", zelda.id()).append("outbox.0", new Document("$exists", true))) == 0);
        for (String collection : mongo.getCollectionNames()) {
            for (Document d : mongo.getCollection(collection).find()) {
                String json = d.toJson();
                assertThat(json).as(collection).doesNotContain(zelda.email()).doesNotContain(name)
                        .doesNotContain(bio);
            }
        }
        Document tombstone = mongo.getCollection("members").find(new Document("_id", zelda.id())).first();
        assertThat(tombstone.keySet()).contains("_id", "erased", "erasedAt")
                .isSubsetOf("_id", "erased", "erasedAt", "revision", "outbox", "_class");

        // the token stops working, sign-in fails as with a wrong password, the profile is gone
        assertProblem(fixture.http.get("/api/v1/members/me", token), 401);
        assertProblem(fixture.http.patch("/api/v1/members/me", Map.of("bio", "back"), token), 401);
        var signIn = fixture.http.post("/api/v1/auth/token", Map.of("email", zelda.email(),
                "password", Fixture.PASSWORD), null);
        var wrong = fixture.http.post("/api/v1/auth/token", Map.of("email", "nobody-" + Fixture.unique()
                + "@example.org", "password", Fixture.PASSWORD), null);
        assertProblem(signIn, 401);
        assertThat(signIn.json().get("type")).isEqualTo(wrong.json().get("type"));
        assertThat(signIn.json().get("detail")).isEqualTo(wrong.json().get("detail"));
        assertProblem(fixture.http.get("/api/v1/members/" + zelda.id(), fixture.admin()), 404);
        assertThat(fixture.http.get("/api/v1/members?q=" + name.split(" ")[1], fixture.admin()).json()
                .get("total").asLong()).isZero();

        // erasing again changes nothing; the email may register again, as a new member
        assertThat(fixture.http.delete("/api/v1/members/" + zelda.id(), token).status()).isEqualTo(204);
        var again = fixture.http.post("/api/v1/auth/register", Map.of("email", zelda.email(),
                "password", Fixture.PASSWORD, "displayName", "New Zelda", "chapterId", home), null);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("id").asString()).isNotEqualTo(zelda.id());
    }

    @Test
    void letsOnlyTheMemberOrAnAdminErase() {
        String chapter = fixture.chapter("Who erases");
        var target = fixture.register("Target", chapter);
        var lead = fixture.register("Lead", chapter);
        String admin = fixture.admin();
        fixture.http.put("/api/v1/chapters/" + chapter + "/members/" + lead.id() + "/role",
                Map.of("role", "CHAPTER_LEAD"), admin);
        var staff = fixture.register("Staff", chapter);
        fixture.http.put("/api/v1/members/" + staff.id() + "/roles", Map.of("roles", List.of("STAFF")), admin);

        assertProblem(fixture.http.delete("/api/v1/members/" + target.id(), fixture.token(lead)), 403);
        assertProblem(fixture.http.delete("/api/v1/members/" + target.id(), fixture.token(staff)), 403);
        assertProblem(fixture.http.delete("/api/v1/members/" + target.id(), null), 401);
        assertThat(fixture.me(target.token()).get("email").asString()).isEqualTo(target.email());

        assertThat(fixture.http.delete("/api/v1/members/" + target.id(), admin).status()).isEqualTo(204);
        assertProblem(fixture.http.get("/api/v1/members/me", target.token()), 401);
        assertProblem(fixture.http.delete("/api/v1/members/never-existed", admin), 404);
    }
}
