package org.chapterhouse.stories.inbound.discussions;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Minimal copy of discussions.answer-accepted.v1 {@code data}. */
@JsonIgnoreProperties(ignoreUnknown = true)
record AnswerAccepted(String questionId, String answerId, String chapterId, String answerAuthorId,
                      String questionAuthorId, String visibility) {
    static final String TOPIC = "discussions.answer-accepted.v1";
}
