package org.chapterhouse.notifications.inbound.stories;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Minimal copy of stories.story-shared.v1 {@code data}. */
@JsonIgnoreProperties(ignoreUnknown = true)
record StoryShared(String storyId, String chapterId, String authorId, String title, String visibility,
                   String publishedBy) {
}
