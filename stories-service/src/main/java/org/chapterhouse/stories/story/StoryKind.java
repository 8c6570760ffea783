package org.chapterhouse.stories.story;

/** What a story is. */
public enum StoryKind {
    SUCCESS_STORY, BEST_PRACTICE, IDEA
}
