package org.chapterhouse.support.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.chapterhouse.support.testing.EventContracts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventContractTest {

    @Test
    void derivesTheEnvelopeAttributesFromTheTopicName() {
        EventContract c = EventContract.of("discussions.question-posted.v1");
        assertThat(c.source()).isEqualTo("/chapterhouse/discussions");
        assertThat(c.type()).isEqualTo("org.chapterhouse.discussions.QuestionPosted.v1");
        assertThat(c.dataschema())
                .isEqualTo("https://chapterhouse.example/schemas/discussions/question-posted.v1.json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"QuestionPosted", "discussions.question_posted.v1", "discussions.question-posted",
            "discussions.question-posted.v0", ".x.v1"})
    void refusesTopicNamesOutsideTheConvention(String topic) {
        assertThatThrownBy(() -> EventContract.of(topic)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"members.member-registered.v1", "members.member-joined-chapter.v1",
            "discussions.question-posted.v1", "discussions.answer-posted.v1", "discussions.answer-accepted.v1",
            "stories.story-submitted.v1", "stories.story-shared.v1"})
    void everyGoldenSampleConformsToItsPublishedSchema(String topic) {
        assertThat(EventContracts.violations(topic, EventContracts.goldenSample(topic))).isEmpty();
    }

    @Test
    void theContractCheckCatchesABrokenEvent() {
        String broken = new String(EventContracts.goldenSample("discussions.question-posted.v1"),
                StandardCharsets.UTF_8).replace("\"visibility\": \"NETWORK\"", "\"visibility\": \"EVERYONE\"")
                .replace("\"tags\"", "\"labels\"");
        assertThat(EventContracts.violations("discussions.question-posted.v1",
                broken.getBytes(StandardCharsets.UTF_8))).hasSizeGreaterThanOrEqualTo(2);
        assertThat(EventContracts.violations("discussions.answer-posted.v1",
                EventContracts.goldenSample("discussions.question-posted.v1"))).isNotEmpty();
    }
}
