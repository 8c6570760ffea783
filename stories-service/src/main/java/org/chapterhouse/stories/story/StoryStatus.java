package org.chapterhouse.stories.story;

/**
 * Where a story is in its review: {@code DRAFT → SUBMITTED → PUBLISHED}, or {@code SUBMITTED → RETURNED → SUBMITTED}
 * when a reviewer sends it back to its author with a comment.
 */
public enum StoryStatus {
    DRAFT, SUBMITTED, RETURNED, PUBLISHED
}
