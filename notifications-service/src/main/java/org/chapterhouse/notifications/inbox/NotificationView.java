package org.chapterhouse.notifications.inbox;

import java.time.Instant;

/** A notification as its recipient sees it through the API and the live stream. */
public record NotificationView(String id, String kind, String chapterId, String questionId, String answerId,
                               String storyId, String title, String actorId, Instant createdAt, boolean read) {
    public static NotificationView of(Notification n) {
        return new NotificationView(n.id(), n.kind(), n.chapterId(), n.questionId(), n.answerId(), n.storyId(),
                n.title(), n.actorId(), n.createdAt(), n.readAt() != null);
    }
}
