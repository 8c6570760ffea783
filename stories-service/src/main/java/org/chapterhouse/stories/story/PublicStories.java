package org.chapterhouse.stories.story;

import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/** The published {@code PUBLIC} stories, for the feeds: nothing any other visibility or status ever reaches. */
@Component
public class PublicStories {

    private final Stories stories;

    PublicStories(Stories stories) {
        this.stories = stories;
    }

    /** A public story as a feed shows it: the body as written, in Markdown. */
    public record PublicStory(String id, String title, String body, String kind, List<String> tags,
                              String chapterId, String authorName, Instant publishedAt) {
    }

    /** The newest {@code limit}, newest first; with {@code withBody} false, bodies are left out (cheap version check). */
    public List<PublicStory> newest(int limit, boolean withBody) {
        return stories.latestPublic(limit, withBody).stream()
                .map(s -> new PublicStory(s.id(), s.title(), s.body(), s.kind().name(), s.tags(), s.chapterId(),
                        s.authorName(), s.publishedAt()))
                .toList();
    }
}
