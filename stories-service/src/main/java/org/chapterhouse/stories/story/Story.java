package org.chapterhouse.stories.story;

import java.time.Instant;
import java.util.List;
import org.chapterhouse.support.outbox.OutboxEntry;
import org.chapterhouse.support.security.Caller;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A story: the aggregate, with the events it raised still waiting in its outbox. Title, body, kind, tags, chapter,
 * visibility and the safeguarding flags are fixed once written; only the review moves it on.
 *
 * @param featuresMinors  the story shows or names children or young people
 * @param consentOnFile   the chapter holds the consent needed to share it publicly
 * @param reviewComment   what the reviewer said when they returned it
 */
@Document(Stories.COLLECTION)
record Story(
        @Id String id,
        String title,
        String body,
        StoryKind kind,
        List<String> tags,
        String chapterId,
        Visibility visibility,
        boolean featuresMinors,
        boolean consentOnFile,
        String authorId,
        String authorName,
        StoryStatus status,
        Instant createdAt,
        Instant submittedAt,
        Instant publishedAt,
        String publishedBy,
        String reviewComment,
        String reviewedBy,
        Instant reviewedAt,
        List<OutboxEntry> outbox) {

    Story {
        tags = tags == null ? List.of() : List.copyOf(tags);
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
    }

    boolean isAuthor(Caller caller) {
        return caller != null && caller.memberId().equals(authorId);
    }

    /** A lead of the story's chapter, or network staff. */
    static boolean reviewer(Caller caller, String chapterId) {
        return caller != null && (caller.isStaff() || caller.isLeadOf(chapterId));
    }

    boolean reviewableBy(Caller caller) {
        return reviewer(caller, chapterId);
    }

    /** Published and admitted by its visibility, or the caller's own, or waiting for this caller's review. */
    boolean readableBy(Caller caller) {
        return switch (status) {
            case PUBLISHED -> isAuthor(caller) || visibility.admits(caller, chapterId);
            case SUBMITTED -> isAuthor(caller) || reviewableBy(caller);
            case DRAFT, RETURNED -> isAuthor(caller);
        };
    }

    /** Public sharing of a story that features minors needs the consent on file. */
    boolean lacksConsentToPublish() {
        return visibility == Visibility.PUBLIC && featuresMinors && !consentOnFile;
    }
}
