package org.chapterhouse.stories.story;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.chapterhouse.support.web.PageQuery;
import org.springframework.stereotype.Component;

/**
 * The published {@code PUBLIC} stories, for the feeds and the public HTML pages: nothing any other visibility or
 * status ever reaches.
 */
@Component
public class PublicStories {

    private final Stories stories;

    PublicStories(Stories stories) {
        this.stories = stories;
    }

    /** A public story as a feed or page shows it: the body as written, in Markdown. */
    public record PublicStory(String id, String title, String body, String kind, List<String> tags,
                              String chapterId, String authorName, Instant publishedAt) {

        static PublicStory of(Story s) {
            return new PublicStory(s.id(), s.title(), s.body(), s.kind().name(), s.tags(), s.chapterId(),
                    s.authorName(), s.publishedAt());
        }
    }

    /** One page of them, newest published first; {@code tag} the slug they were filtered by, or null. */
    public record PublicPage(List<PublicStory> stories, String tag, int page, int size, long total) {

        public boolean hasOlder() {
            return (long) (page + 1) * size < total;
        }
    }

    /** The newest {@code limit}, newest first; with {@code withBody} false, bodies are left out (cheap version check). */
    public List<PublicStory> newest(int limit, boolean withBody) {
        return stories.latestPublic(limit, withBody).stream().map(PublicStory::of).toList();
    }

    /**
     * A page of them, with bodies, newest published first. {@code tag} (null or blank: any) is read as a slug by the
     * stories' tag rule ({@code Homework Help} is {@code homework-help}); 400 {@code invalid-tag} when it is none.
     */
    public PublicPage page(String tag, PageQuery page) {
        String slug = tag == null || tag.isBlank() ? null : Tags.checked(tag);
        var found = stories.publicPage(slug, page);
        return new PublicPage(found.items().stream().map(PublicStory::of).toList(), slug, found.page(),
                found.size(), found.total());
    }

    /** The story, if it is published and {@code PUBLIC}; empty for any other, or none. */
    public Optional<PublicStory> one(String id) {
        return stories.publicById(id).map(PublicStory::of);
    }
}
