package org.chapterhouse.stories.feed;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.chapterhouse.stories.StoriesProperties;
import org.chapterhouse.stories.story.PublicStories.PublicStory;
import org.chapterhouse.support.web.Markdown;
import org.springframework.stereotype.Component;

/** The Atom 1.0 feed, written with ROME. Content is the sanitised HTML of each story's Markdown body. */
@Component
class AtomFeed {

    private final StoriesProperties properties;

    AtomFeed(StoriesProperties properties) {
        this.properties = properties;
    }

    String render(List<PublicStory> stories) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setTitle(properties.feedTitle());
        feed.setDescription("Stories the volunteers of the network share with everyone");
        feed.setUri(properties.link("/feeds/stories.atom"));
        feed.setLinks(List.of(link("self", properties.link("/feeds/stories.atom"), "application/atom+xml"),
                link("alternate", properties.link("/feeds/stories.json"), "application/feed+json")));
        feed.setPublishedDate(Date.from(stories.isEmpty() ? Instant.EPOCH : stories.get(0).publishedAt()));
        SyndPerson network = new SyndPersonImpl();
        network.setName(properties.feedTitle());
        feed.setAuthors(List.of(network));
        List<SyndEntry> entries = new ArrayList<>();
        for (PublicStory s : stories) {
            entries.add(entry(s));
        }
        feed.setEntries(entries);
        try {
            return new SyndFeedOutput().outputString(feed);
        } catch (FeedException e) {
            throw new IllegalStateException("Atom feed could not be written", e);
        }
    }

    private SyndEntry entry(PublicStory s) {
        SyndEntry entry = new SyndEntryImpl();
        entry.setUri("urn:uuid:" + s.id());
        entry.setTitle(s.title());
        entry.setLink(properties.link("/api/v1/stories/" + s.id()));
        Date published = Date.from(s.publishedAt());
        entry.setPublishedDate(published);
        entry.setUpdatedDate(published);
        entry.setAuthor(s.authorName());
        List<SyndCategory> categories = new ArrayList<>();
        for (String tag : s.tags()) {
            SyndCategory category = new SyndCategoryImpl();
            category.setName(tag);
            categories.add(category);
        }
        entry.setCategories(categories);
        SyndContent content = new SyndContentImpl();
        content.setType("html");
        content.setValue(properties.absoluteLinks(Markdown.toSafeHtml(s.body())));
        entry.setContents(List.of(content));
        return entry;
    }

    private static SyndLink link(String rel, String href, String type) {
        SyndLink link = new SyndLinkImpl();
        link.setRel(rel);
        link.setHref(href);
        link.setType(type);
        return link;
    }
}
