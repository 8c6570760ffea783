package org.chapterhouse.discussions.events;

/**
 * A member flagged a question ({@code answerId} null) or one of its answers, once per member and post.
 * Owner: discussions-service · Key: questionId · Topic: {@value #TOPIC}
 */
public record ContentFlagged(String flagId, String questionId, String answerId, String chapterId, String flaggedBy,
                             FlagReason reason, int flagCount, Visibility visibility) {
    public static final String TOPIC = "discussions.content-flagged.v1";
}
