package org.chapterhouse.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.chapterhouse.support.testing.EventSender;
import org.chapterhouse.support.testing.Http;
import org.chapterhouse.support.testing.InfrastructureInitializer;
import org.chapterhouse.support.testing.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The subscriber against the real broker and the Mongo wire server: a small demo story goes over the public topics
 * (with a poison record among it), the figures come out exactly as expected, and neither a redelivery of every event
 * nor a full replay of the topics from the beginning changes them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = {InfrastructureInitializer.class, AnalyticsSubscriberIT.Topics.class})
class AnalyticsSubscriberIT {

    static final String REGISTERED = "members.member-registered.v1";
    static final String JOINED = "members.member-joined-chapter.v1";
    static final String QUESTION = "discussions.question-posted.v1";
    static final String ANSWER = "discussions.answer-posted.v1";
    static final String ACCEPTED = "discussions.answer-accepted.v1";
    static final String SHARED = "stories.story-shared.v1";
    static final String ERASED = "members.member-erased.v1";
    static final String UNACCEPTED = "discussions.answer-unaccepted.v1";
    static final List<String> TOPICS = List.of(REGISTERED, JOINED, QUESTION, ANSWER, ACCEPTED, SHARED, ERASED,
            UNACCEPTED);

    static final String RIVER = "riverside-homework-club";
    static final String HILL = "hillside-reading-circle";
    static final String HARBOR = "harbor-coding-dojo";

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** Creates the public topics as deploy/kafka/topics.tsv does (3 partitions): a subscriber never creates one. */
    static class Topics implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            try (Admin admin = admin()) {
                for (String topic : TOPICS) {
                    try {
                        admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
                    } catch (ExecutionException e) {
                        if (!(e.getCause() instanceof TopicExistsException)) {
                            throw new IllegalStateException(e);
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** One record as published, kept so that it can be delivered again byte for byte. */
    record Sent(String topic, String key, byte[] value) {
    }

    @LocalServerPort
    int port;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    MeterRegistry meters;

    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    @Value("${chapterhouse.analytics.group}")
    String group;

    Http http;
    EventSender events;
    final List<Sent> sent = new ArrayList<>();

    @BeforeEach
    void setUp() {
        http = new Http("http://localhost:" + port);
        events = new EventSender(TestInfrastructure.kafkaBootstrapServers());
    }

    @AfterEach
    void tearDown() {
        events.close();
    }

    static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers()));
    }

    // --- the demo story ------------------------------------------------------------------------------------------

    /** Publishes a CloudEvents envelope with a time of our choosing, as the producing service would. */
    void publish(String topic, String type, String key, String chapterId, String time, Map<String, Object> data) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("specversion", "1.0");
        envelope.put("id", UUID.randomUUID().toString());
        envelope.put("source", "/chapterhouse/" + topic.substring(0, topic.indexOf('.')));
        envelope.put("type", type);
        envelope.put("subject", key);
        envelope.put("time", time);
        envelope.put("datacontenttype", "application/json");
        envelope.put("chapterid", chapterId);
        envelope.put("data", data);
        send(new Sent(topic, key, JSON.writeValueAsBytes(envelope)));
    }

    void send(Sent record) {
        events.sendRaw(record.topic(), record.key(), record.value());
        sent.add(record);
    }

    void registered(String member, String home, String name) {
        publish(REGISTERED, "org.chapterhouse.members.MemberRegistered.v1", member, home, "2026-09-01T08:00:00Z",
                Map.of("memberId", member, "displayName", name, "homeChapterId", home));
    }

    void joined(String member, String chapter, String role, String name) {
        publish(JOINED, "org.chapterhouse.members.MemberJoinedChapter.v1", member, chapter, "2026-09-01T08:00:01Z",
                Map.of("memberId", member, "chapterId", chapter, "role", role, "displayName", name));
    }

    void question(String chapter, String questionId, String author, String time) {
        publish(QUESTION, "org.chapterhouse.discussions.QuestionPosted.v1", questionId, chapter, time,
                Map.of("questionId", questionId, "chapterId", chapter, "authorId", author,
                        "title", "Question " + questionId, "tags", List.of("demo"), "visibility", "NETWORK"));
    }

    void answer(String chapter, String questionId, String answerId, String author, String asker, String time) {
        publish(ANSWER, "org.chapterhouse.discussions.AnswerPosted.v1", questionId, chapter, time,
                Map.of("questionId", questionId, "answerId", answerId, "chapterId", chapter, "authorId", author,
                        "questionAuthorId", asker, "visibility", "NETWORK"));
    }

    void accepted(String chapter, String questionId, String answerId, String answerer, String asker, String time) {
        Map<String, Object> data = new HashMap<>(Map.of("questionId", questionId, "answerId", answerId,
                "chapterId", chapter, "answerAuthorId", answerer, "acceptedBy", asker, "questionAuthorId", asker,
                "visibility", "NETWORK"));
        data.put("previousAnswerId", null);
        publish(ACCEPTED, "org.chapterhouse.discussions.AnswerAccepted.v1", questionId, chapter, time, data);
    }

    void storyShared(String chapter, String storyId, String author, String time) {
        publish(SHARED, "org.chapterhouse.stories.StoryShared.v1", storyId, chapter, time,
                Map.of("storyId", storyId, "chapterId", chapter, "authorId", author, "kind", "SUCCESS_STORY",
                        "title", "Story " + storyId, "tags", List.of("demo"), "visibility", "PUBLIC",
                        "publishedBy", author));
    }

    /**
     * Five members in three chapters; eight questions over weeks 48 to 50 of 2026; answers from the asker's own
     * chapter and from other chapters, some accepted; two stories; and, among them, one record that is not a
     * CloudEvent. 34 events in all.
     */
    void tellTheDemoStory() {
        registered("ada", RIVER, "Ada Okafor");
        registered("tomas", RIVER, "Tomás Reyes");
        registered("hana", HILL, "Hana Sato");
        registered("omar", HILL, "Omar Haddad");
        registered("carlos", HARBOR, "Carlos Mendes");
        joined("ada", RIVER, "VOLUNTEER", "Ada Okafor");
        joined("tomas", RIVER, "MENTOR", "Tomás Reyes");
        joined("hana", HILL, "LEAD", "Hana Sato");
        joined("hana", RIVER, "MENTOR", "Hana Sato");   // hana belongs to two chapters
        joined("omar", HILL, "MENTOR", "Omar Haddad");
        joined("carlos", HARBOR, "LEAD", "Carlos Mendes");

        // week 48: asked on Thursday, answered the next Tuesday (week 49)
        question(RIVER, "q0", "ada", "2026-11-26T12:00:00Z");
        answer(RIVER, "q0", "a0", "tomas", "ada", "2026-12-01T09:00:00Z");

        // week 49, Riverside
        question(RIVER, "q1", "ada", "2026-12-01T10:00:00Z");
        answer(RIVER, "q1", "a1-omar", "omar", "ada", "2026-12-01T10:30:00Z");    // published first...
        answer(RIVER, "q1", "a1-tomas", "tomas", "ada", "2026-12-01T10:10:00Z");  // ...but this one came first
        accepted(RIVER, "q1", "a1-omar", "omar", "ada", "2026-12-01T12:00:00Z");  // Hillside's omar helps
        events.sendRaw(QUESTION, "poison", "this is not a CloudEvent".getBytes(StandardCharsets.UTF_8));
        sent.add(new Sent(QUESTION, "poison", "this is not a CloudEvent".getBytes(StandardCharsets.UTF_8)));
        question(RIVER, "q2", "tomas", "2026-12-02T09:00:00Z");
        answer(RIVER, "q2", "a2-ada", "ada", "tomas", "2026-12-02T09:20:00Z");
        answer(RIVER, "q2", "a2-hana", "hana", "tomas", "2026-12-02T09:25:00Z");
        accepted(RIVER, "q2", "a2-hana", "hana", "tomas", "2026-12-02T10:00:00Z"); // hana is a Riverside member
        question(RIVER, "q3", "ada", "2026-12-03T15:00:00Z");                      // never answered
        question(RIVER, "q6", "tomas", "2026-12-06T23:59:59Z");                    // Sunday night...
        answer(RIVER, "q6", "a6", "ada", "tomas", "2026-12-07T00:00:30Z");         // ...answered Monday, week 50
        storyShared(RIVER, "s1", "ada", "2026-12-05T10:12:03Z");

        // week 49, Hillside and Harbor
        question(HILL, "q4", "hana", "2026-12-01T08:00:00Z");
        answer(HILL, "q4", "a4", "tomas", "hana", "2026-12-01T08:05:00Z");
        accepted(HILL, "q4", "a4", "tomas", "hana", "2026-12-01T08:15:00Z");      // Riverside's tomas helps
        question(HARBOR, "q7", "carlos", "2026-12-04T10:00:00Z");
        answer(HARBOR, "q7", "a7", "omar", "carlos", "2026-12-04T10:02:00Z");
        accepted(HARBOR, "q7", "a7", "omar", "carlos", "2026-12-04T10:04:00Z");   // omar helps a second chapter

        // week 50, Hillside
        question(HILL, "q5", "omar", "2026-12-07T20:00:00Z");
        answer(HILL, "q5", "a5", "hana", "omar", "2026-12-07T21:00:00Z");
        storyShared(HILL, "s2", "hana", "2026-12-08T09:00:00Z");
    }

    static final int EVENTS = 34;

    static Map<String, Object> row(String chapterId, String week, int asked, Double share, Double firstAnswer,
                                   Double acceptedAnswer, int active, int stories) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("chapterId", chapterId);
        row.put("week", week);
        row.put("questionsAsked", asked);
        row.put("shareAnswered", share);
        row.put("medianTimeToFirstAnswerSeconds", firstAnswer);
        row.put("medianTimeToAcceptedAnswerSeconds", acceptedAnswer);
        row.put("activeVolunteers", active);
        row.put("storiesShared", stories);
        return row;
    }

    static Map<String, Object> leader(String memberId, String displayName, int accepted, int chapters) {
        return Map.of("memberId", memberId, "displayName", displayName, "acceptedAnswersInOtherChapters", accepted,
                "chaptersHelped", chapters);
    }

    static final JsonNode EXPECTED_WEEKS_49_TO_50 = JSON.valueToTree(Map.of("total", 5, "items", List.of(
            row(HARBOR, "2026-W49", 1, 1.0, 120.0, 240.0, 2, 0),
            row(HILL, "2026-W49", 1, 1.0, 300.0, 900.0, 2, 0),
            row(RIVER, "2026-W49", 4, 0.75, 600.0, 5400.0, 4, 1),
            row(HILL, "2026-W50", 1, 1.0, 3600.0, null, 2, 1),
            row(RIVER, "2026-W50", 0, null, null, null, 1, 0))));

    static final JsonNode EXPECTED_RIVERSIDE_WEEK_48 = JSON.valueToTree(Map.of("total", 1, "items", List.of(
            row(RIVER, "2026-W48", 1, 1.0, 421200.0, null, 1, 0))));

    static final JsonNode EXPECTED_LEADERS = JSON.valueToTree(Map.of("items", List.of(
            leader("omar", "Omar Haddad", 2, 2),
            leader("tomas", "Tomás Reyes", 1, 1))));

    // --- observing it -----------------------------------------------------------------------------------------

    JsonNode get(String path) {
        Http.Response r = http.get(path, null);
        assertThat(r.status()).as(path + ": " + r.raw()).isEqualTo(200);
        return r.json();
    }

    /** Everything the API says, for comparing before and after. */
    Map<String, JsonNode> figures() {
        return Map.of(
                "weeks 49-50", get("/api/v1/analytics/weekly?from=2026-W49&to=2026-W50"),
                "riverside week 48", get("/api/v1/analytics/weekly?chapterId=" + RIVER + "&from=2026-W48&to=2026-W48"),
                "all", get("/api/v1/analytics/weekly"),
                "leaders", get("/api/v1/analytics/leaders"),
                "status", get("/api/v1/analytics/status"));
    }

    double count(String meter, String tag, String value) {
        return meters.find(meter).tag(tag, value).counters().stream().mapToDouble(Counter::count).sum();
    }

    List<TopicPartition> partitions() throws Exception {
        try (Admin admin = admin()) {
            return admin.describeTopics(TOPICS).allTopicNames().get().values().stream()
                    .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                    .toList();
        }
    }

    Map<TopicPartition, Long> offsets(OffsetSpec spec) throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetSpec> request = partitions().stream()
                    .collect(Collectors.toMap(tp -> tp, tp -> spec));
            return admin.listOffsets(request).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        }
    }

    /** The group's committed offsets, 0 for a partition it never committed on. */
    Map<TopicPartition, Long> committed() throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, Long> out = new HashMap<>();
            for (TopicPartition tp : partitions()) {
                OffsetAndMetadata o = offsets.get(tp);
                out.put(tp, o == null ? 0L : o.offset());
            }
            return out;
        }
    }

    void awaitGroupCaughtUp() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(committed()).isEqualTo(offsets(OffsetSpec.latest())));
    }

    // --- the tests --------------------------------------------------------------------------------------------

    @Test
    void computesTheFiguresOfADemoStoryAndNeitherRedeliveryNorReplayChangesThem() throws Exception {
        tellTheDemoStory();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(get("/api/v1/analytics/status").get("factsStored").asLong()).isEqualTo(EVENTS));
        awaitGroupCaughtUp(); // the poison record did not block its partition

        Map<String, JsonNode> first = figures();
        assertThat(first.get("weeks 49-50")).isEqualTo(EXPECTED_WEEKS_49_TO_50);
        assertThat(first.get("riverside week 48")).isEqualTo(EXPECTED_RIVERSIDE_WEEK_48);
        assertThat(first.get("all").get("total").asInt()).isEqualTo(6);
        assertThat(first.get("leaders")).isEqualTo(EXPECTED_LEADERS);
        assertThat(first.get("status")).isEqualTo(JSON.valueToTree(
                Map.of("factsStored", EVENTS, "lastEventTime", "2026-12-08T09:00:00Z")));
        assertThat(count("analytics.event.skipped", "reason", "not-json")).isEqualTo(1.0);
        assertThat(count("analytics.event.ingested", "outcome", "new")).isEqualTo(EVENTS);
        assertThat(count("analytics.event.ingested", "topic", QUESTION)).isEqualTo(8.0);

        // a redelivery: every record again, same ids (as an outbox relay does after a crash)
        double repeats = count("analytics.event.ingested", "outcome", "repeat");
        for (Sent record : List.copyOf(sent)) {
            send(record);
        }
        awaitGroupCaughtUp();
        assertThat(count("analytics.event.ingested", "outcome", "repeat")).isGreaterThanOrEqualTo(repeats + EVENTS);
        assertThat(count("analytics.event.ingested", "outcome", "new")).isEqualTo(EVENTS);
        assertThat(figures()).isEqualTo(first);

        // a replay: stop, reset the group to the beginning of every partition, start again
        MessageListenerContainer container = listeners.getListenerContainer("analytics-ingest");
        container.stop();
        await().atMost(Duration.ofSeconds(30)).until(() -> !container.isRunning());
        Map<TopicPartition, Long> beginning = offsets(OffsetSpec.earliest());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            try (Admin admin = admin()) {
                admin.alterConsumerGroupOffsets(group, beginning.entrySet().stream().collect(
                        Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue())))).all().get();
            }
        });
        assertThat(committed()).isEqualTo(beginning);
        container.start();
        awaitGroupCaughtUp();
        // every record was read again: 2 × 34 events, all repeats now, and the poison record twice more
        assertThat(count("analytics.event.ingested", "outcome", "repeat"))
                .isGreaterThanOrEqualTo(repeats + EVENTS + 2 * EVENTS);
        assertThat(count("analytics.event.ingested", "outcome", "new")).isEqualTo(EVENTS);
        assertThat(count("analytics.event.skipped", "reason", "not-json")).isGreaterThanOrEqualTo(4.0);
        assertThat(figures()).isEqualTo(first);

        // erasure: the top leader is erased; their name leaves every fact and they leave the ranking
        String leader = "omar"; // the top leader of EXPECTED_LEADERS
        publish(ERASED, "org.chapterhouse.members.MemberErased.v1", leader, null, "2026-12-09T10:00:00Z",
                Map.of("memberId", leader, "erasedAt", "2026-12-09T10:00:00Z"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(get("/api/v1/analytics/leaders").toString()).doesNotContain("\"omar\"")
                        .doesNotContain("Omar Haddad").contains("tomas"));
        assertThat(mongo.getCollection("facts").countDocuments(com.mongodb.client.model.Filters.and(
                com.mongodb.client.model.Filters.eq("memberId", leader),
                com.mongodb.client.model.Filters.exists("displayName")))).isZero();
        // a redelivery of their registration after the erasure brings no name back
        for (Sent record : List.copyOf(sent)) {
            if (record.topic().equals(REGISTERED) && leader.equals(record.key())) {
                send(record);
            }
        }
        awaitGroupCaughtUp();
        assertThat(mongo.getCollection("facts").countDocuments(com.mongodb.client.model.Filters.and(
                com.mongodb.client.model.Filters.eq("memberId", leader),
                com.mongodb.client.model.Filters.exists("displayName")))).isZero();
    }

    @Test
    void answersAWeekThatIsNotAnIsoWeekWithAProblem() {
        Http.Response r = http.get("/api/v1/analytics/weekly?from=2026-49", null);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("type").asString()).isEqualTo("https://chapterhouse.example/problems/invalid-week");
        assertThat(http.get("/api/v1/analytics/weekly?to=2026-W54", null).status()).isEqualTo(400);
        assertThat(http.get("/api/v1/analytics/leaders?limit=0", null).status()).isEqualTo(400);
    }

    @Test
    void isHealthyAndExposesItsCountersToPrometheus() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(get("/actuator/health").get("status").asString()).isEqualTo("UP"));
        Http.Response r = http.get("/actuator/prometheus", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.raw()).contains("application=\"analytics-subscriber\"");
    }
}
