package org.chapterhouse.notifications.inbox;

import java.time.Instant;

/** What happened, for whom to be told: one event's notification before it is fanned out to recipients. */
public record NewNotification(String kind, String chapterId, String questionId, String answerId, String title,
                              String actorId, Instant occurredAt) {
    public static final String QUESTION_POSTED = "QUESTION_POSTED";
    public static final String ANSWER_POSTED = "ANSWER_POSTED";
    public static final String ANSWER_ACCEPTED = "ANSWER_ACCEPTED";
}
