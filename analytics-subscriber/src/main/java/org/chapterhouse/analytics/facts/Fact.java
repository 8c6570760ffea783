package org.chapterhouse.analytics.facts;

import java.time.Instant;
import java.util.Objects;

/**
 * One event, reduced to what the figures need, stored once under its CloudEvents {@code id}. Fields a kind of fact
 * does not have are {@code null}.
 *
 * @param id               the envelope's {@code id}: the document's {@code _id}, so a repeat is never a second fact
 * @param type             what happened
 * @param chapterId        the chapter it belongs to (the envelope's {@code chapterid}, else {@code data.chapterId};
 *                         for a registration the home chapter)
 * @param time             when it happened (the envelope's {@code time}), not when it was read
 * @param questionId       question, answer and acceptance facts
 * @param answerId         answer and acceptance facts
 * @param memberId         member facts
 * @param authorId         who asked, answered or wrote the story
 * @param answerAuthorId   acceptance facts: who wrote the accepted answer
 * @param acceptedBy       acceptance facts: who accepted it
 * @param questionAuthorId answer and acceptance facts
 * @param homeChapterId    registrations
 * @param displayName      member facts
 */
public record Fact(String id, FactType type, String chapterId, Instant time,
                   String questionId, String answerId, String memberId, String authorId,
                   String answerAuthorId, String acceptedBy, String questionAuthorId,
                   String homeChapterId, String displayName) {

    public Fact {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
    }

    public static Fact memberRegistered(String id, Instant time, String memberId, String homeChapterId,
                                        String displayName) {
        return new Fact(id, FactType.MEMBER_REGISTERED, homeChapterId, time, null, null, memberId, null, null, null,
                null, homeChapterId, displayName);
    }

    public static Fact memberJoinedChapter(String id, Instant time, String memberId, String chapterId,
                                           String displayName) {
        return new Fact(id, FactType.MEMBER_JOINED_CHAPTER, chapterId, time, null, null, memberId, null, null, null,
                null, null, displayName);
    }

    public static Fact questionPosted(String id, Instant time, String chapterId, String questionId, String authorId) {
        return new Fact(id, FactType.QUESTION_POSTED, chapterId, time, questionId, null, null, authorId, null, null,
                null, null, null);
    }

    public static Fact answerPosted(String id, Instant time, String chapterId, String questionId, String answerId,
                                    String authorId, String questionAuthorId) {
        return new Fact(id, FactType.ANSWER_POSTED, chapterId, time, questionId, answerId, null, authorId, null, null,
                questionAuthorId, null, null);
    }

    public static Fact answerAccepted(String id, Instant time, String chapterId, String questionId, String answerId,
                                      String answerAuthorId, String acceptedBy, String questionAuthorId) {
        return new Fact(id, FactType.ANSWER_ACCEPTED, chapterId, time, questionId, answerId, null, null,
                answerAuthorId, acceptedBy, questionAuthorId, null, null);
    }

    /** The acceptance of an answer was withdrawn ({@code acceptedBy} holds who withdrew it). */
    public static Fact answerUnaccepted(String id, Instant time, String chapterId, String questionId, String answerId,
                                        String answerAuthorId, String withdrawnBy) {
        return new Fact(id, FactType.ANSWER_UNACCEPTED, chapterId, time, questionId, answerId, null, null,
                answerAuthorId, withdrawnBy, null, null, null);
    }

    public static Fact memberErased(String id, Instant time, String memberId, String chapterId) {
        return new Fact(id, FactType.MEMBER_ERASED, chapterId, time, null, null, memberId, null, null, null, null,
                null, null);
    }

    public static Fact storyShared(String id, Instant time, String chapterId, String authorId) {
        return new Fact(id, FactType.STORY_SHARED, chapterId, time, null, null, null, authorId, null, null, null, null,
                null);
    }
}
