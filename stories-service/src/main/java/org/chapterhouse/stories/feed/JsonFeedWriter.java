package org.chapterhouse.stories.feed;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.chapterhouse.stories.StoriesProperties;
import org.chapterhouse.stories.story.PublicStories.PublicStory;
import org.chapterhouse.support.web.Markdown;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON Feed 1.1 (https://jsonfeed.org/version/1.1), written as Jackson records: there is no well-kept Java
 * JSON Feed library (the few on Maven Central are unmaintained), and the format is a small, fixed JSON shape.
 */
@Component
class JsonFeedWriter {

    static final String VERSION = "https://jsonfeed.org/version/1.1";

    private final StoriesProperties properties;
    private final JsonMapper json = JsonMapper.builder().build();

    JsonFeedWriter(StoriesProperties properties) {
        this.properties = properties;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record JsonFeed(String version, String title, @JsonProperty("home_page_url") String homePageUrl,
                    @JsonProperty("feed_url") String feedUrl, String description, List<Author> authors,
                    List<Item> items) {
    }

    record Author(String name) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Item(String id, String url, String title, @JsonProperty("content_html") String contentHtml,
                @JsonProperty("date_published") String datePublished, List<Author> authors, List<String> tags) {
    }

    String render(List<PublicStory> stories) {
        List<Item> items = stories.stream().map(s -> new Item("urn:uuid:" + s.id(),
                properties.link("/api/v1/stories/" + s.id()), s.title(),
                properties.absoluteLinks(Markdown.toSafeHtml(s.body())), DateTimeFormatter.ISO_INSTANT.format(s.publishedAt()),
                List.of(new Author(s.authorName())), s.tags())).toList();
        return json.writeValueAsString(new JsonFeed(VERSION, properties.feedTitle(), properties.link("/"),
                properties.link("/feeds/stories.json"), "Stories the volunteers of the network share with everyone",
                List.of(new Author(properties.feedTitle())), items));
    }
}
