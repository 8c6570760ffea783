package org.chapterhouse.analytics.ingest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.chapterhouse.analytics.facts.Fact;
import org.chapterhouse.analytics.facts.FactType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a record value, a CloudEvents JSON envelope, into a {@link Fact}: tolerantly (unknown fields and attributes
 * are ignored) and without ever throwing, so an unreadable record is skipped rather than blocking its partition.
 */
final class EventReader {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    Reading read(byte[] value) {
        if (value == null || value.length == 0) {
            return Reading.skip(Reading.NOT_JSON, "empty value");
        }
        Envelope envelope;
        try {
            envelope = JSON.readValue(value, Envelope.class);
        } catch (JacksonException e) {
            return Reading.skip(Reading.NOT_JSON, e.getOriginalMessage());
        }
        if (envelope == null || blank(envelope.id()) || blank(envelope.type())) {
            return Reading.skip(Reading.NOT_A_CLOUD_EVENT, "no id or type");
        }
        Optional<Instant> time = parseTime(envelope.time());
        if (time.isEmpty()) {
            return Reading.skip(Reading.NOT_A_CLOUD_EVENT, "no RFC 3339 time: " + envelope.time());
        }
        JsonNode data = envelope.data();
        if (data == null || !data.isObject()) {
            return Reading.skip(Reading.NOT_A_CLOUD_EVENT, "no data object");
        }
        Optional<FactType> type = FactType.ofCloudEventsType(envelope.type());
        if (type.isEmpty()) {
            return Reading.skip(Reading.UNKNOWN_TYPE, envelope.type());
        }
        try {
            return toFact(type.get(), envelope, time.get(), data);
        } catch (JacksonException e) {
            return Reading.skip(Reading.INCOMPLETE, e.getOriginalMessage());
        }
    }

    private static Reading toFact(FactType type, Envelope e, Instant time, JsonNode data) {
        String id = e.id();
        return switch (type) {
            case MEMBER_REGISTERED -> {
                var d = JSON.treeToValue(data, Inbound.MemberRegistered.class);
                yield required(d.memberId())
                        ? Reading.of(Fact.memberRegistered(id, time, d.memberId(),
                                first(d.homeChapterId(), e.chapterid()), d.displayName()))
                        : incomplete(type, "memberId");
            }
            case MEMBER_JOINED_CHAPTER -> {
                var d = JSON.treeToValue(data, Inbound.MemberJoinedChapter.class);
                String chapter = first(d.chapterId(), e.chapterid());
                yield required(d.memberId(), chapter)
                        ? Reading.of(Fact.memberJoinedChapter(id, time, d.memberId(), chapter, d.displayName()))
                        : incomplete(type, "memberId, chapterId");
            }
            case QUESTION_POSTED -> {
                var d = JSON.treeToValue(data, Inbound.QuestionPosted.class);
                String chapter = first(e.chapterid(), d.chapterId());
                yield required(d.questionId(), chapter)
                        ? Reading.of(Fact.questionPosted(id, time, chapter, d.questionId(), d.authorId()))
                        : incomplete(type, "questionId, chapterId");
            }
            case ANSWER_POSTED -> {
                var d = JSON.treeToValue(data, Inbound.AnswerPosted.class);
                String chapter = first(e.chapterid(), d.chapterId());
                yield required(d.questionId(), chapter)
                        ? Reading.of(Fact.answerPosted(id, time, chapter, d.questionId(), d.answerId(), d.authorId(),
                                d.questionAuthorId()))
                        : incomplete(type, "questionId, chapterId");
            }
            case ANSWER_ACCEPTED -> {
                var d = JSON.treeToValue(data, Inbound.AnswerAccepted.class);
                String chapter = first(e.chapterid(), d.chapterId());
                yield required(d.questionId(), chapter)
                        ? Reading.of(Fact.answerAccepted(id, time, chapter, d.questionId(), d.answerId(),
                                d.answerAuthorId(), d.acceptedBy(), d.questionAuthorId()))
                        : incomplete(type, "questionId, chapterId");
            }
            case ANSWER_UNACCEPTED -> {
                var d = JSON.treeToValue(data, Inbound.AnswerUnaccepted.class);
                String chapter = first(e.chapterid(), d.chapterId());
                yield required(d.questionId(), chapter)
                        ? Reading.of(Fact.answerUnaccepted(id, time, chapter, d.questionId(), d.answerId(),
                                d.answerAuthorId(), d.withdrawnBy()))
                        : incomplete(type, "questionId, chapterId");
            }
            case MEMBER_ERASED -> {
                var d = JSON.treeToValue(data, Inbound.MemberErased.class);
                yield required(d.memberId())
                        ? Reading.of(Fact.memberErased(id, time, d.memberId(), first(e.chapterid(), null)))
                        : incomplete(type, "memberId");
            }
            case STORY_SHARED -> {
                var d = JSON.treeToValue(data, Inbound.StoryShared.class);
                String chapter = first(e.chapterid(), d.chapterId());
                yield required(chapter)
                        ? Reading.of(Fact.storyShared(id, time, chapter, d.authorId()))
                        : incomplete(type, "chapterId");
            }
        };
    }

    /** RFC 3339: {@code 2026-11-26T04:07:16.123Z} or with an offset such as {@code +01:00}. */
    static Optional<Instant> parseTime(String time) {
        if (blank(time)) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(time).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Reading incomplete(FactType type, String fields) {
        return Reading.skip(Reading.INCOMPLETE, type.cloudEventsType() + " needs " + fields);
    }

    private static boolean required(String... values) {
        for (String v : values) {
            if (blank(v)) {
                return false;
            }
        }
        return true;
    }

    private static String first(String a, String b) {
        return blank(a) ? (blank(b) ? null : b) : a;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
