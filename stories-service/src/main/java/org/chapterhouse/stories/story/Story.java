package org.chapterhouse.stories.story;

import java.time.Instant;
import java.util.List;
import org.chapterhouse.support.outbox.OutboxEntry;
import org.chapterhouse.support.security.Caller;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A story: the aggregate, with the events it raised still waiting in its outbox. Its author edits title, body, kind,
 * tags, visibility and the safeguarding flags while it is a {@code DRAFT} or {@code RETURNED} (each edit bumps
 * {@code revision} and keeps the state it replaced in {@code revisions}); the chapter is fixed once written.
 *
 * <p>Documents written before edits and promotions existed have no {@code revision}, {@code revisions} or
 * {@code source}: they read as revision 0, no history, not promoted.
 *
 * @param featuresMinors  the story shows or names children or young people
 * @param consentOnFile   the chapter holds the consent needed to share it publicly
 * @param authorName      the author's display name as it was when they wrote it; {@value #FORMER_MEMBER} once the
 *                        author's data is erased
 * @param reviewComment   what the reviewer said when they returned it
 * @param source          the question and accepted answer a promoted {@code BEST_PRACTICE} comes from, else null
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
        Integer revision,
        List<Revision> revisions,
        Source source,
        List<OutboxEntry> outbox) {

    static final String FORMER_MEMBER = "former member";
    /** earlier states kept per story; older ones are dropped */
    static final int MAX_REVISIONS = 20;

    Story {
        tags = tags == null ? List.of() : List.copyOf(tags);
        revision = revision == null ? 0 : revision;
        revisions = revisions == null ? List.of() : List.copyOf(revisions);
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
    }

    /**
     * A state an edit replaced. Only the author edits, so it names nobody: no id or name of anyone is kept here.
     */
    record Revision(int revision, String title, String body, StoryKind kind, List<String> tags,
                    Visibility visibility, boolean featuresMinors, boolean consentOnFile, Instant replacedAt) {
    }

    /** Where a promoted best practice comes from. */
    record Source(String questionId, String answerId) {
    }

    boolean isAuthor(Caller caller) {
        return caller != null && caller.memberId().equals(authorId);
    }

    /** A lead of the story's chapter, or network staff. */
    static boolean reviewer(Caller caller, String chapterId) {
        return caller != null && (caller.isStaff() || caller.isLeadOf(chapterId));
    }

    /** A reviewer of its chapter who is not its author: nobody reviews their own story. */
    boolean reviewableBy(Caller caller) {
        return reviewer(caller, chapterId) && !isAuthor(caller);
    }

    boolean editable() {
        return status == StoryStatus.DRAFT || status == StoryStatus.RETURNED;
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
