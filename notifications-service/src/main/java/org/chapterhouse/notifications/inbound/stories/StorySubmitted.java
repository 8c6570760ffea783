package org.chapterhouse.notifications.inbound.stories;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Minimal copy of stories.story-submitted.v1 {@code data}. */
@JsonIgnoreProperties(ignoreUnknown = true)
record StorySubmitted(String storyId, String chapterId, String authorId, String title) {
}
