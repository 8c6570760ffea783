package org.chapterhouse.notifications.inbound.discussions;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** Minimal copy of discussions.question-posted.v1 {@code data}. */
@JsonIgnoreProperties(ignoreUnknown = true)
record QuestionPosted(String questionId, String chapterId, String authorId, String title, List<String> tags,
                      String visibility) {
    List<String> tagsOrNone() {
        return tags == null ? List.of() : tags;
    }
}
