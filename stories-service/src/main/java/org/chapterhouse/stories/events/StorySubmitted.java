package org.chapterhouse.stories.events;

/**
 * A story was submitted (or re-submitted after being returned) for review by a lead of its chapter or by staff.
 * Owner: stories-service · Key: storyId · Topic: {@value #TOPIC}
 *
 * @param kind       {@code SUCCESS_STORY}, {@code BEST_PRACTICE} or {@code IDEA}
 * @param visibility what the author asks for once published: {@code CHAPTER}, {@code NETWORK} or {@code PUBLIC}
 */
public record StorySubmitted(String storyId, String chapterId, String authorId, String kind, String title,
                             String visibility) {
    public static final String TOPIC = "stories.story-submitted.v1";
}
