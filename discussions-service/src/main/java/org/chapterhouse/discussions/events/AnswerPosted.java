package org.chapterhouse.discussions.events;

/** Owner: discussions-service · Key: questionId · Topic: {@value #TOPIC} */
public record AnswerPosted(String questionId, String answerId, String chapterId, String authorId,
                           String questionAuthorId, Visibility visibility) {
    public static final String TOPIC = "discussions.answer-posted.v1";
}
