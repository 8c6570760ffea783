package org.chapterhouse.notifications.inbound.discussions;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Minimal copy of discussions.answer-posted.v1 {@code data}. */
@JsonIgnoreProperties(ignoreUnknown = true)
record AnswerPosted(String questionId, String answerId, String chapterId, String authorId, String questionAuthorId,
                    String visibility) {
}
