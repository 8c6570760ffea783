package org.chapterhouse.discussions.events;

import java.util.List;

/** Owner: discussions-service · Key: questionId · Topic: {@value #TOPIC} */
public record QuestionPosted(String questionId, String chapterId, String authorId,
                             String title, List<String> tags, Visibility visibility) {
    public static final String TOPIC = "discussions.question-posted.v1";
}
