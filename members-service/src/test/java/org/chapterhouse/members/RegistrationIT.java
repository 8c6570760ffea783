package org.chapterhouse.members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chapterhouse.members.events.MemberJoinedChapter;
import org.chapterhouse.members.events.MemberRegistered;
import org.chapterhouse.support.testing.EventContracts;
import org.chapterhouse.support.testing.Http;
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
class RegistrationIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    Http http;
    String adminToken;

    @BeforeEach
    void setUp() {
        http = new Http("http://localhost:" + port);
        adminToken = http.token("admin@chapterhouse.test", "admin-password-1");
        if (http.get("/api/v1/chapters/riverside", null).status() == 404) {
            // other ITs sharing this context may have created the region already
            assertThat(http.post("/api/v1/regions", Map.of("name", "North"), adminToken).status()).isIn(201, 409);
            assertThat(http.post("/api/v1/chapters", Map.of("name", "Riverside", "regionId", "north"), adminToken)
                    .status()).isEqualTo(201);
        }
    }

    @Test
    void registersAMemberWhoCanSignInAndPublishesTheirRegistration() {
        var created = http.post("/api/v1/auth/register", Map.of("email", "Ada@Example.org",
                "password", "correct horse battery", "displayName", "Ada", "chapterId", "riverside"), null);
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/v1/members/" + id);
        assertThat(created.raw()).doesNotContain("password");

        String token = http.token("ada@example.org", "correct horse battery");
        JsonNode me = http.get("/api/v1/members/me", token).json();
        assertThat(me.get("email").asString()).isEqualTo("ada@example.org");
        assertThat(me.get("chapters").get(0).get("chapterId").asString()).isEqualTo("riverside");
        assertThat(me.get("chapters").get(0).get("role").asString()).isEqualTo("VOLUNTEER");

        try (TopicProbe probe = new TopicProbe(TestInfrastructure.kafkaBootstrapServers(),
                MemberRegistered.TOPIC, MemberJoinedChapter.TOPIC)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> probe.records().stream()
                    .filter(r -> id.equals(r.key())).count() == 2);
            List<ConsumerRecord<String, byte[]>> mine = probe.records().stream().filter(r -> id.equals(r.key()))
                    .toList();
            // what the producer emits validates against its published schema
            mine.forEach(r -> assertThat(EventContracts.violations(r.topic(), r.value())).as(r.topic()).isEmpty());
            JsonNode registered = JSON.readTree(mine.stream()
                    .filter(r -> r.topic().equals(MemberRegistered.TOPIC)).findFirst().orElseThrow().value());
            assertThat(registered.get("specversion").asString()).isEqualTo("1.0");
            assertThat(registered.get("type").asString()).isEqualTo("org.chapterhouse.members.MemberRegistered.v1");
            assertThat(registered.get("source").asString()).isEqualTo("/chapterhouse/members");
            assertThat(registered.get("subject").asString()).isEqualTo(id);
            assertThat(registered.get("chapterid").asString()).isEqualTo("riverside");
            assertThat(registered.get("data").get("displayName").asString()).isEqualTo("Ada");
            assertThat(new String(mine.get(0).value())).doesNotContain("ada@example.org").doesNotContain("{bcrypt}");
            assertThat(new String(mine.get(0).headers().lastHeader("content-type").value()))
                    .isEqualTo("application/cloudevents+json");
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(mongo.getCollection("members")
                .countDocuments(new org.bson.Document("_id", id).append("outbox.0",
                        new org.bson.Document("$exists", true)))).isZero());
    }

    @Test
    void rejectsBadRegistrationsWithProblemDetailsAndStoresNothing() {
        long before = mongo.getCollection("members").countDocuments();
        var invalid = http.post("/api/v1/auth/register", Map.of("email", "not-an-email", "password", "short",
                "displayName", "", "chapterId", "riverside"), null);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.contentType()).startsWith("application/problem+json");
        assertThat(invalid.json().has("errors")).as(invalid.raw()).isTrue();
        assertThat(invalid.json().get("errors").size()).isEqualTo(3);

        var unknownField = http.post("/api/v1/auth/register", Map.of("email", "eve@example.org",
                "password", "long enough password", "displayName", "Eve", "chapterId", "riverside",
                "roles", List.of("ADMIN")), null);
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.json().get("detail").asString()).contains("roles");

        var unknownChapter = http.post("/api/v1/auth/register", Map.of("email", "eve@example.org",
                "password", "long enough password", "displayName", "Eve", "chapterId", "atlantis"), null);
        assertThat(unknownChapter.status()).isEqualTo(400);

        var notJson = http.post("/api/v1/auth/register", "{nope", null);
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.contentType()).startsWith("application/problem+json");

        assertThat(mongo.getCollection("members").countDocuments()).isEqualTo(before);
    }

    @Test
    void refusesASecondAccountForTheSameEmail() {
        Map<String, String> body = Map.of("email", "grace@example.org", "password", "long enough password",
                "displayName", "Grace", "chapterId", "riverside");
        assertThat(http.post("/api/v1/auth/register", body, null).status()).isEqualTo(201);
        var again = http.post("/api/v1/auth/register", body, null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).endsWith("/email-taken");
    }

    @Test
    void answersAWrongPasswordAndAnUnknownEmailAlikeWith401() {
        var wrong = http.post("/api/v1/auth/token", Map.of("email", "admin@chapterhouse.test",
                "password", "not the password"), null);
        var unknown = http.post("/api/v1/auth/token", Map.of("email", "nobody@example.org",
                "password", "not the password"), null);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.json().get("detail")).isEqualTo(unknown.json().get("detail"));
    }

    @Test
    void refusesRequestsWithoutAValidToken() {
        assertThat(http.get("/api/v1/members/me", null).status()).isEqualTo(401);
        var forged = http.get("/api/v1/members/me", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.");
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.contentType()).startsWith("application/problem+json");
    }

    @Test
    void letsOnlyAnAdminCreateChapters() {
        http.post("/api/v1/auth/register", Map.of("email", "vol@example.org", "password", "long enough password",
                "displayName", "Vol", "chapterId", "riverside"), null);
        String volunteer = http.token("vol@example.org", "long enough password");
        var refused = http.post("/api/v1/chapters", Map.of("name", "Mine", "regionId", "north"), volunteer);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(http.get("/api/v1/chapters/mine", null).status()).isEqualTo(404);
    }

    @Test
    void publishesTheJwksForOtherServicesToVerifyTokens() {
        JsonNode jwks = http.get("/.well-known/jwks.json", null).json();
        assertThat(jwks.get("keys").get(0).get("kty").asString()).isEqualTo("RSA");
        assertThat(jwks.get("keys").get(0).has("d")).isFalse();
    }
}
