package org.chapterhouse.discussions.question;

import java.time.Instant;

/** An answer, kept inside its question's document so that accepting is one atomic update. */
record Answer(String answerId, String authorId, String authorName, String body, Instant createdAt, int score) {
}
