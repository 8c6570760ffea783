package org.chapterhouse.discussions.question;

import java.time.Instant;

import java.util.Map;

/**
 * An answer, kept inside its question's document so that accepting is one atomic update.
 *
 * @param votes each voter's vote (+1 or -1), keyed by {@link Votes#key(String)}; {@code score} is their sum
 */
record Answer(String answerId, String authorId, String authorName, String body, Instant createdAt, int score,
              Map<String, Integer> votes) {

    Answer {
        votes = votes == null ? Map.of() : Map.copyOf(votes);
    }
}
