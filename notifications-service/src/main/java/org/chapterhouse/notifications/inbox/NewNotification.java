package org.chapterhouse.notifications.inbox;

import java.time.Instant;
import java.util.List;

/**
 * What happened, for whom to be told: one event's notification before it is fanned out to recipients.
 *
 * @param subjectId the question (for discussion kinds) or the story (for story kinds) it is about
 */
public record NewNotification(String kind, String chapterId, String questionId, String answerId, String storyId,
                              String title, String actorId, Instant occurredAt) {
    public static final String QUESTION_POSTED = "QUESTION_POSTED";
    public static final String ANSWER_POSTED = "ANSWER_POSTED";
    public static final String ANSWER_ACCEPTED = "ANSWER_ACCEPTED";
    public static final String STORY_SUBMITTED = "STORY_SUBMITTED";
    public static final String STORY_SHARED = "STORY_SHARED";
    public static final List<String> KINDS = List.of(QUESTION_POSTED, ANSWER_POSTED, ANSWER_ACCEPTED,
            STORY_SUBMITTED, STORY_SHARED);

    public static NewNotification aboutQuestion(String kind, String chapterId, String questionId, String answerId,
                                                String title, String actorId, Instant occurredAt) {
        return new NewNotification(kind, chapterId, questionId, answerId, null, title, actorId, occurredAt);
    }

    public static NewNotification aboutStory(String kind, String chapterId, String storyId, String title,
                                             String actorId, Instant occurredAt) {
        return new NewNotification(kind, chapterId, null, null, storyId, title, actorId, occurredAt);
    }
}
