package org.chapterhouse.discussions.question;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.chapterhouse.discussions.events.Visibility;
import org.chapterhouse.support.outbox.OutboxEntry;
import org.chapterhouse.support.security.Caller;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The question aggregate: the question, its answers, which one is accepted, and the events it raised that are still
 * waiting to be published.
 */
@Document(Questions.COLLECTION)
record Question(
        @Id String id,
        String chapterId,
        String authorId,
        String authorName,
        String title,
        String body,
        List<String> tags,
        Visibility visibility,
        List<Answer> answers,
        int answerCount,
        String acceptedAnswerId,
        Integer score,
        Map<String, Integer> votes,
        Instant createdAt,
        Instant lastActivityAt,
        Integer revision,
        List<Revision> revisions,
        Map<String, String> flags,
        Integer flagCount,
        Moderation moderation,
        Instant changedAt,
        List<OutboxEntry> outbox) {

    /** An earlier state of the question, kept when it is edited (the latest {@value Questions#MAX_REVISIONS}). */
    record Revision(int revision, String title, String body, List<String> tags, String editedBy, Instant editedAt) {
    }

    /**
     * A moderator's decision on a post: hidden (vanishes for everyone but the chapter's leads and staff) or restored
     * (visible again, its open flags dismissed).
     */
    record Moderation(boolean hidden, String by, Instant at, String note) {
    }

    Question {
        tags = tags == null ? List.of() : List.copyOf(tags);
        answers = answers == null ? List.of() : List.copyOf(answers);
        // fields added after the first release are absent from older documents
        score = score == null ? 0 : score;
        revision = revision == null ? 0 : revision;
        votes = votes == null ? Map.of() : Map.copyOf(votes);
        revisions = revisions == null ? List.of() : List.copyOf(revisions);
        flags = flags == null ? Map.of() : Map.copyOf(flags);
        flagCount = flagCount == null ? 0 : flagCount;
        changedAt = changedAt == null ? lastActivityAt : changedAt;
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
    }

    boolean visibleTo(Caller caller) {
        if (hidden() && !moderatedBy(caller)) {
            return false;
        }
        return visibility == Visibility.NETWORK || caller.isMemberOf(chapterId) || caller.isStaff();
    }

    /** Who moderates this question and its answers: the chapter's leads, and network staff. */
    boolean moderatedBy(Caller caller) {
        return caller.isLeadOf(chapterId) || caller.isStaff();
    }

    boolean hidden() {
        return moderation != null && moderation.hidden();
    }

    /** The answers the caller may see: hidden ones only for moderators. */
    List<Answer> answersFor(Caller caller) {
        return moderatedBy(caller) ? answers : answers.stream().filter(a -> !a.hidden()).toList();
    }

    boolean answered() {
        return acceptedAnswerId != null;
    }
}
