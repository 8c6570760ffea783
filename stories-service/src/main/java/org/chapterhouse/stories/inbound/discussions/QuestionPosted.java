package org.chapterhouse.stories.inbound.discussions;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** Minimal copy of discussions.question-posted.v1 {@code data}. */
@JsonIgnoreProperties(ignoreUnknown = true)
record QuestionPosted(String questionId, String chapterId, String authorId, String title, List<String> tags,
                      String visibility) {
    static final String TOPIC = "discussions.question-posted.v1";
}
