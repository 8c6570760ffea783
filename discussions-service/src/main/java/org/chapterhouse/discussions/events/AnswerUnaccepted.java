package org.chapterhouse.discussions.events;

/**
 * The acceptance of an answer was withdrawn: the question has no accepted answer until the next AnswerAccepted.
 * Owner: discussions-service · Key: questionId · Topic: {@value #TOPIC}
 */
public record AnswerUnaccepted(String questionId, String answerId, String chapterId, String answerAuthorId,
                               String withdrawnBy, Visibility visibility) {
    public static final String TOPIC = "discussions.answer-unaccepted.v1";
}
