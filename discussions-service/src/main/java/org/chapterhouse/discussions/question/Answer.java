package org.chapterhouse.discussions.question;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An answer, kept inside its question's document so that accepting, voting, flagging and editing are each one atomic
 * update of that document.
 *
 * @param votes     each voter's vote (+1 or -1), keyed by {@link Votes#key(String)}; {@code score} is their sum
 * @param flags     each flagger's reason, keyed the same way; {@code flagCount} is their number
 * @param revisions earlier bodies (the latest {@value Questions#MAX_REVISIONS})
 */
record Answer(String answerId, String authorId, String authorName, String body, Instant createdAt, int score,
              Map<String, Integer> votes, Integer revision, Instant editedAt, List<Revision> revisions,
              Map<String, String> flags, Integer flagCount, Question.Moderation moderation) {

    /** An earlier body of the answer, kept when it is edited. */
    record Revision(int revision, String body, String editedBy, Instant editedAt) {
    }

    Answer {
        votes = votes == null ? Map.of() : Map.copyOf(votes);
        // fields added after the first release are absent from older documents
        revision = revision == null ? 0 : revision;
        revisions = revisions == null ? List.of() : List.copyOf(revisions);
        flags = flags == null ? Map.of() : Map.copyOf(flags);
        flagCount = flagCount == null ? 0 : flagCount;
    }

    static Answer fresh(String answerId, String authorId, String authorName, String body, Instant at) {
        return new Answer(answerId, authorId, authorName, body, at, 0, Map.of(), 0, null, List.of(), Map.of(), 0,
                null);
    }

    boolean hidden() {
        return moderation != null && moderation.hidden();
    }
}
