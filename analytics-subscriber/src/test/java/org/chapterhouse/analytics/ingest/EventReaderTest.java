package org.chapterhouse.analytics.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The tolerant reader: what it accepts, and what it skips instead of failing. */
class EventReaderTest {

    private final EventReader reader = new EventReader();

    static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    static String question(String extraEnvelope, String extraData) {
        return """
                {"specversion":"1.0","id":"e1","source":"/chapterhouse/discussions",
                 "type":"org.chapterhouse.discussions.QuestionPosted.v1","subject":"q1",
                 "time":"2026-12-01T10:00:00.000Z","chapterid":"riverside"%s,
                 "data":{"questionId":"q1","chapterId":"riverside","authorId":"ada"%s}}
                """.formatted(extraEnvelope, extraData);
    }

    @Test
    void ignoresAttributesAndFieldsItDoesNotKnow() {
        Reading reading = reader.read(bytes(question(",\"traceparent\":\"00-abc\",\"newext\":{\"x\":1}",
                ",\"title\":\"t\",\"tags\":[\"a\"],\"priority\":3,\"nested\":{\"deep\":[1,2]}")));
        assertThat(reading.skipped()).isFalse();
        assertThat(reading.fact().questionId()).isEqualTo("q1");
        assertThat(reading.fact().authorId()).isEqualTo("ada");
    }

    @Test
    void readsATimeWithAnOffsetAsTheSameInstant() {
        String json = question("", "").replace("2026-12-01T10:00:00.000Z", "2026-12-01T11:00:00+01:00");
        assertThat(reader.read(bytes(json)).fact().time()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
    }

    @Test
    void takesTheChapterFromDataWhenTheEnvelopeHasNone() {
        String json = question("", "").replace("\"chapterid\":\"riverside\"", "\"chapterid\":null");
        assertThat(reader.read(bytes(json)).fact().chapterId()).isEqualTo("riverside");
    }

    @Test
    void skipsWhatIsNotJson() {
        assertThat(reader.read(bytes("not json at all")).skipReason()).isEqualTo(Reading.NOT_JSON);
        assertThat(reader.read(bytes("[1,2,3]")).skipReason()).isEqualTo(Reading.NOT_JSON);
        assertThat(reader.read(new byte[0]).skipReason()).isEqualTo(Reading.NOT_JSON);
        assertThat(reader.read(null).skipReason()).isEqualTo(Reading.NOT_JSON);
    }

    @Test
    void skipsJsonThatIsNotACloudEvent() {
        assertThat(reader.read(bytes("{\"hello\":\"world\"}")).skipReason()).isEqualTo(Reading.NOT_A_CLOUD_EVENT);
        assertThat(reader.read(bytes(question("", "").replace("2026-12-01T10:00:00.000Z", "yesterday")))
                .skipReason()).isEqualTo(Reading.NOT_A_CLOUD_EVENT);
        assertThat(reader.read(bytes("{\"id\":\"e1\",\"type\":\"org.chapterhouse.discussions.QuestionPosted.v1\","
                + "\"time\":\"2026-12-01T10:00:00Z\",\"data\":\"a string\"}")).skipReason())
                .isEqualTo(Reading.NOT_A_CLOUD_EVENT);
    }

    @Test
    void skipsATypeItComputesNothingFrom() {
        String json = question("", "").replace("QuestionPosted", "StorySubmitted");
        assertThat(reader.read(bytes(json)).skipReason()).isEqualTo(Reading.UNKNOWN_TYPE);
    }

    @Test
    void skipsAKnownTypeWithoutTheIdsTheFiguresNeed() {
        String json = question("", "").replace("\"questionId\":\"q1\",", "");
        assertThat(reader.read(bytes(json)).skipReason()).isEqualTo(Reading.INCOMPLETE);
        String wrongType = question("", "").replace("\"questionId\":\"q1\"", "\"questionId\":{\"a\":1}");
        assertThat(reader.read(bytes(wrongType)).skipReason()).isEqualTo(Reading.INCOMPLETE);
    }
}
