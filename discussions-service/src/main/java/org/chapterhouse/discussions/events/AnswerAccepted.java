package org.chapterhouse.discussions.events;

/**
 * An answer was accepted, or the accepted answer changed ({@code previousAnswerId} then names the one it replaced).
 * Owner: discussions-service · Key: questionId · Topic: {@value #TOPIC}
 */
public record AnswerAccepted(String questionId, String answerId, String chapterId, String answerAuthorId,
                             String acceptedBy, String questionAuthorId, String previousAnswerId,
                             Visibility visibility) {
    public static final String TOPIC = "discussions.answer-accepted.v1";
}
