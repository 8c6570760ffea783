package org.chapterhouse.notifications;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.chapterhouse.support.testing.EventSender;
import org.chapterhouse.support.testing.Http;
import org.chapterhouse.support.testing.InfrastructureInitializer;
import org.chapterhouse.support.testing.TestInfrastructure;
import org.chapterhouse.support.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

/**
 * The one application context every notifications IT shares (same configuration, so Spring caches one): the
 * service on a random port against the real broker, the Mongo wire server and GreenMail. Each test works in a chapter
 * of its own, so tests never see each other's notifications.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = {InfrastructureInitializer.class, LocalTestSetup.class})
@Import(TestTokens.Config.class)
abstract class NotificationsITBase {

    static final String JOINED = "members.member-joined-chapter.v1";
    static final String PROFILE = "members.member-profile-updated.v1";
    static final String ERASED = "members.member-erased.v1";
    static final String QUESTION = "discussions.question-posted.v1";
    static final String ANSWER = "discussions.answer-posted.v1";
    static final String ACCEPTED = "discussions.answer-accepted.v1";
    static final String SUBMITTED = "stories.story-submitted.v1";
    static final String SHARED = "stories.story-shared.v1";
    static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    Http http;
    EventSender events;
    final String chapter = "ch-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void connect() {
        http = new Http("http://localhost:" + port);
        events = new EventSender(TestInfrastructure.kafkaBootstrapServers());
    }

    @AfterEach
    void disconnect() {
        events.close();
    }

    /** A member of this test's chapter (or of {@code chapterId}) in {@code role}, known to the read model. */
    String member(String name, String chapterId, String role) {
        String id = name + "-" + chapter;
        events.send(JOINED, id, chapterId, Map.of("memberId", id, "chapterId", chapterId, "role", role,
                "displayName", name));
        return id;
    }

    void awaitMembers(String chapterId, long count) {
        await().atMost(WAIT).until(() -> mongo.getCollection("chapter_members")
                .countDocuments(new Document("chapterId", chapterId)) == count);
    }

    void profile(String memberId, String... skills) {
        events.send(PROFILE, memberId, chapter, Map.of("memberId", memberId, "displayName", memberId,
                "skills", java.util.List.of(skills), "profileVisibility", "NETWORK"));
        await().atMost(WAIT).until(() -> mongo.getCollection("member_profiles")
                .countDocuments(new Document("_id", memberId).append("skills", new Document("$all",
                        java.util.List.of(skills)))) == 1);
    }

    String tokenOf(String member) {
        return TestTokens.token(member, member, Map.of(chapter, "VOLUNTEER"));
    }

    String tokenOf(String member, Map<String, String> chapters) {
        return TestTokens.token(member, member, chapters);
    }

    void watch(String member, Map<String, Object> subscriptions) {
        Http.Response r = http.put("/api/v1/subscriptions", subscriptions, tokenOf(member));
        if (r.status() != 200) {
            throw new IllegalStateException(r.status() + " " + r.raw());
        }
    }

    JsonNode inbox(String member) {
        return http.get("/api/v1/notifications", tokenOf(member)).json();
    }

    long total(String member) {
        return inbox(member).get("total").asLong();
    }
}
