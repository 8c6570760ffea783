package org.chapterhouse.notifications.inbox;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One notification in one member's inbox. Its id is derived from the event id and the recipient.
 *
 * @param mail {@code PENDING} while an instant email is owed, then {@code SENT}; null when none is wanted
 */
@Document(Inbox.COLLECTION)
public record Notification(@Id String id, String recipientId, String kind, String chapterId, String questionId,
                           String answerId, String storyId, String title, String actorId, String eventId,
                           Instant createdAt, Instant readAt, String mail) {
}
