package org.chapterhouse.notifications.inbound.discussions;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Minimal copy of discussions.question-posted.v1 {@code data}. */
@JsonIgnoreProperties(ignoreUnknown = true)
record QuestionPosted(String questionId, String chapterId, String authorId, String title, String visibility) {
}
