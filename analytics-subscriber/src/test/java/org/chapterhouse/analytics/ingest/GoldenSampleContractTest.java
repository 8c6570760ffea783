package org.chapterhouse.analytics.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.chapterhouse.analytics.facts.Fact;
import org.chapterhouse.analytics.facts.FactType;
import org.junit.jupiter.api.Test;

/**
 * The consumer side of the contract: the ingest reads the golden sample of every topic it consumes, as published in
 * {@code docs/events/}, into the fact the figures need.
 */
class GoldenSampleContractTest {

    private final EventReader reader = new EventReader();

    /** {@code docs/events}, found from the working directory up (tests run in the module's directory). */
    static Path catalogue() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("docs/events");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("docs/events not found above " + Path.of("").toAbsolutePath());
    }

    /** {@code members.member-registered.v1} → {@code docs/events/members/member-registered.v1.sample.json}. */
    static byte[] goldenSample(String topic) throws IOException {
        int dot = topic.indexOf('.');
        Path file = catalogue().resolve(topic.substring(0, dot)).resolve(topic.substring(dot + 1) + ".sample.json");
        return Files.readAllBytes(file);
    }

    Fact read(String topic) throws IOException {
        Reading reading = reader.read(goldenSample(topic));
        assertThat(reading.skipped()).as("%s: %s %s", topic, reading.skipReason(), reading.detail()).isFalse();
        return reading.fact();
    }

    @Test
    void hasAGoldenSampleForEveryTopicItConsumes() {
        for (String topic : Topics.ALL) {
            assertThat(Files.exists(catalogue().resolve(topic.substring(0, topic.indexOf('.')))
                    .resolve(topic.substring(topic.indexOf('.') + 1) + ".sample.json"))).as(topic).isTrue();
        }
    }

    @Test
    void readsEveryGoldenSampleOfTheTopicsItConsumes() throws IOException {
        for (String topic : Topics.ALL) {
            assertThat(read(topic).id()).as(topic).isNotBlank();
        }
    }

    @Test
    void readsMemberRegistered() throws IOException {
        assertThat(read(Topics.MEMBER_REGISTERED)).isEqualTo(Fact.memberRegistered(
                "cd4cc34a-c53e-4453-92fa-085fe9490496", Instant.parse("2026-09-14T18:22:05.417Z"),
                "9c845881-e39d-475c-8290-2a04ae0fe9c2", "riverside-homework-club", "Ada Okafor"));
    }

    @Test
    void readsMemberJoinedChapter() throws IOException {
        assertThat(read(Topics.MEMBER_JOINED_CHAPTER)).isEqualTo(Fact.memberJoinedChapter(
                "c4c4256a-35fd-46b4-9965-3c87bf0ee8f5", Instant.parse("2026-10-02T09:41:37.008Z"),
                "b387e8d9-b373-49b4-9a23-bb1ad30211e2", "riverside-homework-club", "Tomás Reyes"));
    }

    @Test
    void readsQuestionPosted() throws IOException {
        assertThat(read(Topics.QUESTION_POSTED)).isEqualTo(Fact.questionPosted(
                "48388fdd-2287-4402-8cd6-4db0f1d127f6", Instant.parse("2026-11-24T19:05:12.331Z"),
                "riverside-homework-club", "57e177b7-526e-47ff-9fd7-a2a9da3f8972",
                "9c845881-e39d-475c-8290-2a04ae0fe9c2"));
    }

    @Test
    void readsAnswerPosted() throws IOException {
        assertThat(read(Topics.ANSWER_POSTED)).isEqualTo(Fact.answerPosted(
                "89a9ff61-a4fc-40fb-b739-f1e593f4a380", Instant.parse("2026-11-25T07:48:59.120Z"),
                "riverside-homework-club", "57e177b7-526e-47ff-9fd7-a2a9da3f8972",
                "0a786dd7-f428-4a59-b377-7f9304458665", "b387e8d9-b373-49b4-9a23-bb1ad30211e2",
                "9c845881-e39d-475c-8290-2a04ae0fe9c2"));
    }

    @Test
    void readsAnswerAccepted() throws IOException {
        assertThat(read(Topics.ANSWER_ACCEPTED)).isEqualTo(Fact.answerAccepted(
                "706cf6c7-d0d9-4dd2-a260-0b80ee5e5599", Instant.parse("2026-11-26T04:07:16.123Z"),
                "riverside-homework-club", "57e177b7-526e-47ff-9fd7-a2a9da3f8972",
                "0a786dd7-f428-4a59-b377-7f9304458665", "b387e8d9-b373-49b4-9a23-bb1ad30211e2",
                "9c845881-e39d-475c-8290-2a04ae0fe9c2", "9c845881-e39d-475c-8290-2a04ae0fe9c2"));
    }

    @Test
    void readsStoryShared() throws IOException {
        Fact fact = read(Topics.STORY_SHARED);
        assertThat(fact).isEqualTo(Fact.storyShared("0ff38dcb-8cf1-482b-8c18-722f81f9421e",
                Instant.parse("2026-12-05T10:12:03.556Z"), "riverside-homework-club",
                "9c845881-e39d-475c-8290-2a04ae0fe9c2"));
        assertThat(fact.type()).isEqualTo(FactType.STORY_SHARED);
    }
}
