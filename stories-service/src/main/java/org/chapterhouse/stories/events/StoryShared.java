package org.chapterhouse.stories.events;

import java.util.List;

/**
 * A reviewer published a story: it is now readable by everyone its visibility admits.
 * Owner: stories-service · Key: storyId · Topic: {@value #TOPIC}
 *
 * @param kind        {@code SUCCESS_STORY}, {@code BEST_PRACTICE} or {@code IDEA}
 * @param tags        normalised lowercase slugs
 * @param visibility  {@code CHAPTER}, {@code NETWORK} or {@code PUBLIC}
 * @param publishedBy the member id of the lead or staff member who published it
 */
public record StoryShared(String storyId, String chapterId, String authorId, String kind, String title,
                          List<String> tags, String visibility, String publishedBy) {
    public static final String TOPIC = "stories.story-shared.v1";
}
