package org.chapterhouse.stories.page;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chapterhouse.stories.story.PublicStories.PublicPage;
import org.chapterhouse.stories.story.PublicStories.PublicStory;
import org.chapterhouse.support.web.Markdown;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Writes the public pages with JMustache templates ({@code classpath:/pages/*.mustache}). The compiler HTML-escapes
 * every {@code {{value}}} with Spring's {@link HtmlUtils#htmlEscape}; the one unescaped value, {@code {{{bodyHtml}}}}, is the output of
 * {@link Markdown#toSafeHtml} (CommonMark, then the OWASP sanitizer). Every value given to a template is a plain
 * string, a boolean or a list of such records; a missing or null one is an error, not an empty string.
 */
@Component
class PageRenderer {

    static final String SITE = "Chapterhouse";
    private static final List<String> TEMPLATES = List.of("list", "story", "error", "head", "header", "footer",
            "meta", "tags");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final Pattern HEADING = Pattern.compile("<(/?)h([1-6])>");

    private final Map<String, String> sources = new TreeMap<>();
    private final Template list;
    private final Template story;
    private final Template error;
    private final String stylesheet;
    private final String version;

    PageRenderer(ResourceLoader resources, PageAssets assets) {
        for (String name : TEMPLATES) {
            try {
                sources.put(name, resources.getResource("classpath:/pages/" + name + ".mustache")
                        .getContentAsString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("template " + name + " is missing", e);
            }
        }
        // Spring's HtmlUtils escapes what HTML text and quoted attributes need (& < > " '), and no more, so links
        // read as written (JMustache's own escaper would also write '=' as &#x3D;)
        Mustache.Compiler compiler = Mustache.compiler().escapeHTML(true)
                .withEscaper(value -> HtmlUtils.htmlEscape(value, "UTF-8")).withLoader(name -> {
            String source = sources.get(name);
            if (source == null) {
                throw new IllegalArgumentException("no template " + name);
            }
            return new StringReader(source);
        });
        this.list = compiler.compile(sources.get("list"));
        this.story = compiler.compile(sources.get("story"));
        this.error = compiler.compile(sources.get("error"));
        this.stylesheet = assets.stylesheetHref();
        List<String> parts = new ArrayList<>(sources.values());
        parts.add(stylesheet);
        this.version = Versions.hash(parts);
    }

    /** What the page's {@code <head>} and site header need. Nullable fields are left out of the page. */
    record Head(String title, String description, String stylesheet, String canonical, String prev, String next,
                boolean atStories) {
    }

    record TagLink(String name, String href) {
    }

    record Entry(String href, String title, String kind, String author, String chapter, String datetime,
                 String date, String excerpt, List<TagLink> tags) {

        boolean hasTags() {
            return !tags.isEmpty();
        }
    }

    record Pager(String position, String newer, String older) {
    }

    record ListPage(Head head, String heading, boolean filtered, List<Entry> entries, String emptyText,
                    Pager pager) {

        boolean hasEntries() {
            return !entries.isEmpty();
        }
    }

    record StoryPage(Head head, String title, String kind, String author, String chapter, String datetime,
                     String date, List<TagLink> tags, String bodyHtml) {

        boolean hasTags() {
            return !tags.isEmpty();
        }
    }

    record ErrorPage(Head head, String heading, String detail) {
    }

    /**
     * What every page's look depends on besides its data: the templates and the stylesheet's version. Part of
     * every ETag, so a new release is never answered 304 with an old page.
     */
    String version() {
        return version;
    }

    String list(PublicPage page) {
        String tag = page.tag();
        int number = page.page();
        long pages = Math.max(1, (page.total() + page.size() - 1) / page.size());
        String heading = tag == null ? "Stories" : "Stories tagged " + tag;
        String title = (number == 0 ? heading : heading + ", page " + (number + 1)) + " · " + SITE;
        String newer = number > 0 ? listHref(tag, number - 1) : null;
        String older = page.hasOlder() ? listHref(tag, number + 1) : null;
        Pager pager = pages > 1 ? new Pager("Page " + (number + 1) + " of " + pages, newer, older) : null;
        List<Entry> entries = page.stories().stream().map(s -> {
            String excerpt = Excerpt.of(s.body());
            return new Entry(storyHref(s.id()), s.title(), kind(s.kind()), s.authorName(), s.chapterId(),
                    datetime(s.publishedAt()), DATE.format(s.publishedAt()), excerpt.isEmpty() ? null : excerpt,
                    tagLinks(s.tags()));
        }).toList();
        String empty = tag == null ? "No stories are published yet." : "No published stories are tagged " + tag + ".";
        Head head = new Head(title, "Success stories, best practices and ideas the volunteers of " + SITE
                + " share with everyone.", stylesheet, listHref(tag, number), newer, older,
                tag == null && number == 0);
        return list.execute(new ListPage(head, heading, tag != null, entries, empty, pager));
    }

    String story(PublicStory s) {
        String excerpt = Excerpt.of(s.body());
        Head head = new Head(s.title() + " · " + SITE + " stories", excerpt.isEmpty() ? null : excerpt, stylesheet,
                storyHref(s.id()), null, null, false);
        return story.execute(new StoryPage(head, s.title(), kind(s.kind()), s.authorName(), s.chapterId(),
                datetime(s.publishedAt()), DATE.format(s.publishedAt()), tagLinks(s.tags()),
                demoteHeadings(Markdown.toSafeHtml(s.body()))));
    }

    String error(String heading, String detail) {
        return error.execute(new ErrorPage(new Head(heading + " · " + SITE, null, stylesheet, null, null, null,
                false), heading, detail));
    }

    /** {@code /stories}, with the tag and page (from 0; left out when 0) as query parameters. */
    static String listHref(String tag, int page) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/stories");
        if (tag != null) {
            uri.queryParam("tag", tag);
        }
        if (page > 0) {
            uri.queryParam("page", page);
        }
        return uri.encode().build().toUriString();
    }

    static String storyHref(String id) {
        return "/stories/" + UriUtils.encodePathSegment(id, StandardCharsets.UTF_8);
    }

    private static List<TagLink> tagLinks(List<String> tags) {
        return tags.stream().map(t -> new TagLink(t, listHref(t, 0))).toList();
    }

    /** {@code SUCCESS_STORY} → {@code Success story}. */
    private static String kind(String kind) {
        String words = kind.replace('_', ' ').toLowerCase(Locale.ROOT);
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String datetime(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * The page's one {@code h1} is the story's title, so the body's headings move one level down ({@code h1} →
     * {@code h2} … {@code h6} stays). The sanitizer writes headings as bare {@code <hN>} tags, and any {@code <} of
     * the story's text as {@code &lt;}, so only real headings match.
     */
    static String demoteHeadings(String safeHtml) {
        Matcher m = HEADING.matcher(safeHtml);
        StringBuilder out = new StringBuilder(safeHtml.length() + 16);
        while (m.find()) {
            int level = Math.min(6, Integer.parseInt(m.group(2)) + 1);
            m.appendReplacement(out, "<" + m.group(1) + "h" + level + ">");
        }
        m.appendTail(out);
        return out.toString();
    }
}
