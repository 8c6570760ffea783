package org.chapterhouse.stories;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chapterhouse.support.testing.Http;
import org.chapterhouse.support.testing.ServiceIntegrationTest;
import org.chapterhouse.support.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public HTML pages, {@code /stories} and {@code /stories/{id}}, as a browser (or a search engine) reads them:
 * no token, the raw HTML checked. Each test tags its stories with a tag of its own, so the list it reads holds only
 * its stories although the other ITs publish into the same database.
 */
@ServiceIntegrationTest
@Import(TestTokens.Config.class)
class PublicStoryPagesIT {

    private static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    Http http;
    String chapter;
    String tag;
    String ada;
    String lead;

    @BeforeEach
    void setUp() {
        http = new Http("http://localhost:" + port);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        chapter = "hillside-" + suffix;
        tag = "pages-" + suffix;
        ada = TestTokens.token("ada-" + chapter, "Ada Lovelace", Map.of(chapter, "VOLUNTEER"));
        lead = TestTokens.token("lin-" + chapter, "Lin", Map.of(chapter, "CHAPTER_LEAD"));
    }

    @Test
    void showsAPublishedPublicStoryInTheListAndOnItsOwnPageWithItsBodyRendered() {
        String id = published(ada, "We planted a school garden", "PUBLIC",
                "We **planted** a garden with the pupils.\n\n## What we learnt\n\nStart small, and water daily.");

        HttpResponse<String> list = get("/stories?tag=" + tag);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.headers().firstValue("Content-Type")).contains("text/html;charset=UTF-8");
        String html = list.body();
        assertThat(html).contains("<a href=\"/stories/" + id + "\">We planted a school garden</a>")
                .contains("Success story by Ada Lovelace, chapter " + chapter)
                .containsPattern("<time datetime=\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\">")
                .as("the excerpt is the body's text, markup left out")
                .contains("<p>We planted a garden with the pupils. What we learnt Start small, and water daily.</p>")
                .contains("<a href=\"/stories?tag=" + tag + "\" rel=\"tag\">" + tag + "</a>");
        assertThat(get("/stories").body()).as("the newest story is on the first page of all stories")
                .contains("href=\"/stories/" + id + "\"");

        HttpResponse<String> page = get("/stories/" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).contains("text/html;charset=UTF-8");
        assertThat(page.body()).contains("<title>We planted a school garden · Chapterhouse stories</title>")
                .contains("<h1>We planted a school garden</h1>")
                .contains("<strong>planted</strong>")
                .as("the body's headings sit under the title's h1").contains("<h3>What we learnt</h3>")
                .contains("Ada Lovelace").contains(chapter);
        assertThat(count(page.body(), "<h1")).isEqualTo(1);
    }

    @Test
    void answersTheSame404ForDraftsStoriesInReviewNonPublicStoriesAndUnknownIds() {
        String draft = draft(ada, "A public draft not yet submitted", "PUBLIC", "Draft.");
        String submitted = draft(ada, "A public story waiting for review", "PUBLIC", "In review.");
        submit(submitted);
        String returned = draft(ada, "A public story sent back to its author", "PUBLIC", "Returned.");
        submit(returned);
        assertThat(http.post("/api/v1/stories/" + returned + "/return", Map.of("comment", "Add the dates"), lead)
                .status()).isEqualTo(200);
        String network = published(ada, "Shared with the network's members", "NETWORK", "Members only.");
        String chapterOnly = published(ada, "Shared with our chapter only", "CHAPTER", "Chapter only.");
        String unknown = UUID.randomUUID().toString();

        HttpResponse<String> none = get("/stories/" + unknown);
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(none.headers().firstValue("Content-Type")).contains("text/html;charset=UTF-8");
        assertThat(none.body()).contains("<h1>This story is not published</h1>");
        for (String id : List.of(draft, submitted, returned, network, chapterOnly)) {
            HttpResponse<String> page = get("/stories/" + id);
            assertThat(page.statusCode()).as(id).isEqualTo(404);
            assertThat(page.body()).as("nothing tells it apart from an id that never existed")
                    .isEqualTo(none.body());
        }
        String list = get("/stories?tag=" + tag).body();
        assertThat(list).contains("No published stories are tagged " + tag);
        for (String id : List.of(draft, submitted, returned, network, chapterOnly)) {
            assertThat(list).doesNotContain(id);
        }
    }

    @Test
    void escapesMarkupInTitlesAuthorNamesBodiesAndTags() {
        String mallory = TestTokens.token("mallory-" + chapter, "<img src=x onerror=alert(1)>",
                Map.of(chapter, "VOLUNTEER"));
        String id = published(mallory, "<script>alert(\"title\")</script> & friends", "PUBLIC",
                "<script>alert('body')</script>\n\n[click](javascript:alert(1)) "
                        + "<a href=\"javascript:alert(2)\" onclick=\"alert(3)\">raw</a> <b onmouseover=alert(4)>b</b>");

        for (String path : List.of("/stories?tag=" + tag, "/stories/" + id)) {
            String html = get(path).body();
            assertThat(html).as(path).doesNotContainIgnoringCase("<script").doesNotContain("<img")
                    .doesNotContain("<b onmouseover").doesNotContain("href=\"javascript")
                    .doesNotContain("onclick=\"")
                    .contains("&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; &amp; friends")
                    .contains("&lt;img src=x onerror=alert(1)&gt;");
        }
        assertThat(http.post("/api/v1/stories", Map.of("title", "A story with a script tag", "body", "x",
                "kind", "IDEA", "tags", List.of("<script>"), "chapterId", chapter), ada).status())
                .as("a tag is a slug: markup never becomes one").isEqualTo(400);
        HttpResponse<String> badTag = get("/stories?tag=" + encode("<script>alert(1)</script>"));
        assertThat(badTag.statusCode()).isEqualTo(400);
        assertThat(badTag.body()).doesNotContainIgnoringCase("<script").contains("&lt;script&gt;alert(1)");
    }

    @Test
    void paginatesTwentyStoriesAPageWithNewerAndOlderLinks() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            ids.add(published(ada, "Story number " + i + " of the series", "PUBLIC", "Part " + i + "."));
        }

        String first = get("/stories?tag=" + tag).body();
        assertThat(count(first, "<article class=\"story-summary\">")).isEqualTo(20);
        assertThat(first.indexOf("/stories/" + ids.get(20))).as("newest first").isPositive()
                .isLessThan(first.indexOf("/stories/" + ids.get(1)));
        assertThat(first).doesNotContain("/stories/" + ids.get(0))
                .contains("<p>Page 1 of 2</p>")
                .contains("<a rel=\"next\" href=\"/stories?tag=" + tag + "&amp;page=1\">Older stories</a>")
                .contains("<link rel=\"next\" href=\"/stories?tag=" + tag + "&amp;page=1\">")
                .doesNotContain("rel=\"prev\"").doesNotContain("Newer stories");

        HttpResponse<String> second = get("/stories?tag=" + tag + "&page=1");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(count(second.body(), "<article class=\"story-summary\">")).isEqualTo(1);
        assertThat(second.body()).contains("/stories/" + ids.get(0))
                .contains("<title>Stories tagged " + tag + ", page 2 · Chapterhouse</title>")
                .contains("<a rel=\"prev\" href=\"/stories?tag=" + tag + "\">Newer stories</a>")
                .contains("<link rel=\"prev\" href=\"/stories?tag=" + tag + "\">")
                .doesNotContain("rel=\"next\"");

        HttpResponse<String> beyond = get("/stories?tag=" + tag + "&page=2");
        assertThat(beyond.statusCode()).isEqualTo(404);
        assertThat(beyond.body()).contains("<h1>There is no such page</h1>");
    }

    @Test
    void refusesABadPageOrTagWithA400Page() {
        for (String query : List.of("page=-1", "page=abc", "page=1.5", "page=99999999999", "tag=" + encode("C++"),
                "tag=two--dashes", "tag=" + "a".repeat(31))) {
            HttpResponse<String> response = get("/stories?" + query, Map.of("Accept", BROWSER_ACCEPT));
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).as(query).contains("text/html;charset=UTF-8");
            assertThat(response.headers().firstValue("Content-Security-Policy")).contains(CSP);
            assertThat(response.body()).as(query).startsWith("<!doctype html>").contains("<h1>Bad request</h1>");
        }
        assertThat(get("/stories?tag=Homework%20Help").statusCode()).as("a tag is read as a slug").isEqualTo(200);
    }

    @Test
    void answersProblemJsonToAClientThatPrefersJson() {
        HttpResponse<String> badPage = get("/stories?page=abc", Map.of("Accept", "application/json"));
        assertThat(badPage.statusCode()).isEqualTo(400);
        assertThat(badPage.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(JSON.readTree(badPage.body()).get("type").asString()).endsWith("/problems/invalid-page");

        HttpResponse<String> badTag = get("/stories?tag=C%2B%2B",
                Map.of("Accept", "application/problem+json, text/html;q=0.5"));
        assertThat(badTag.statusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(badTag.body());
        assertThat(problem.get("type").asString()).endsWith("/problems/invalid-tag");
        assertThat(problem.get("status").asInt()).isEqualTo(400);

        HttpResponse<String> unknown = get("/stories/" + UUID.randomUUID(), Map.of("Accept", "application/json"));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(unknown.headers().allValues("Vary")).anySatisfy(v -> assertThat(v).contains("Accept"));
    }

    @Test
    void answers304ToAMatchingETagUntilThePageChanges() {
        String id = published(ada, "A story to cache for a minute", "PUBLIC", "Cache me.");
        for (String path : List.of("/stories?tag=" + tag, "/stories/" + id)) {
            HttpResponse<String> first = get(path);
            assertThat(first.headers().firstValue("Cache-Control")).as(path).contains("public, max-age=60");
            String etag = first.headers().firstValue("ETag").orElseThrow();
            assertThat(etag).startsWith("W/\"");

            HttpResponse<String> again = get(path, Map.of("If-None-Match", etag));
            assertThat(again.statusCode()).as(path).isEqualTo(304);
            assertThat(again.body()).isEmpty();
            assertThat(again.headers().firstValue("ETag")).contains(etag);
            assertThat(again.headers().firstValue("Cache-Control")).contains("public, max-age=60");
            assertThat(get(path, Map.of("If-None-Match", "W/\"something-else\"")).statusCode()).isEqualTo(200);
        }
        String etag = get("/stories?tag=" + tag).headers().firstValue("ETag").orElseThrow();
        published(ada, "A chapter story changes no public page", "CHAPTER", "Not public.");
        assertThat(get("/stories?tag=" + tag, Map.of("If-None-Match", etag)).statusCode()).isEqualTo(304);
        published(ada, "A second public story to cache", "PUBLIC", "New.");
        HttpResponse<String> changed = get("/stories?tag=" + tag, Map.of("If-None-Match", etag));
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
    }

    @Test
    void everyPageIsAccessibleHtmlUnderTheContentSecurityPolicyWithoutAnyScript() {
        String id = published(ada, "A story read without JavaScript", "PUBLIC", "Plain *HTML*.");
        for (String path : List.of("/stories", "/stories?tag=" + tag, "/stories/" + id,
                "/stories/" + UUID.randomUUID(), "/stories?page=x")) {
            HttpResponse<String> response = get(path, Map.of("Accept", BROWSER_ACCEPT));
            String html = response.body();
            assertThat(response.headers().allValues("Content-Security-Policy")).as(path).containsExactly(CSP);
            assertThat(html).as(path).startsWith("<!doctype html>\n<html lang=\"en\">")
                    .doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<style")
                    .doesNotContainIgnoringCase(" style=")
                    .as("no event-handler attribute").doesNotContainPattern("(?i)<[^>]*\\son[a-z]+\\s*=")
                    .contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                    .containsPattern("<title>[^<]+ · Chapterhouse[^<]*</title>")
                    .contains("<a class=\"skip-link\" href=\"#main\">")
                    .contains("<main id=\"main\"").contains("<header").contains("<nav").contains("<footer")
                    .contains("<a class=\"brand\" href=\"/\">Chapterhouse</a>")
                    .containsPattern("<a href=\"/stories\"( aria-current=\"page\")?>Stories</a>")
                    .contains("<a href=\"/#/signin\">Sign in</a>")
                    .contains("<link rel=\"alternate\" type=\"application/atom+xml\"")
                    .contains("href=\"/feeds/stories.atom\"")
                    .contains("<link rel=\"alternate\" type=\"application/feed+json\"")
                    .contains("href=\"/feeds/stories.json\"")
                    .containsPattern("<link rel=\"stylesheet\" href=\"/stories/assets/stories.css\\?v=[0-9a-f]+\">");
            assertThat(count(html, "<h1")).as(path).isEqualTo(1);
        }
        assertThat(get("/stories?tag=" + tag).body()).contains("<ol class=\"story-list\">")
                .contains("<ul class=\"tags\" aria-label=\"Tags\">");
    }

    @Test
    void servesTheStylesheetWithoutATokenCachedForAYearWithAnETag() {
        Matcher link = Pattern.compile("href=\"(/stories/assets/stories\\.css\\?v=[0-9a-f]+)\"")
                .matcher(get("/stories").body());
        assertThat(link.find()).isTrue();
        for (String path : List.of(link.group(1), "/stories/assets/stories.css")) {
            HttpResponse<String> css = get(path);
            assertThat(css.statusCode()).as(path).isEqualTo(200);
            assertThat(css.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");
            assertThat(css.headers().firstValue("Cache-Control")).contains("max-age=31536000, public");
            assertThat(css.body().getBytes(StandardCharsets.UTF_8).length).isLessThan(8 * 1024);
            assertThat(css.body()).contains(":focus-visible").contains("system-ui");
            String etag = css.headers().firstValue("ETag").orElseThrow();
            assertThat(get(path, Map.of("If-None-Match", etag)).statusCode()).isEqualTo(304);
        }
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private HttpResponse<String> get(String path) {
        return get(path, Map.of());
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        headers.forEach(request::header);
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            n++;
        }
        return n;
    }

    private String draft(String author, String title, String visibility, String body) {
        Map<String, Object> story = new HashMap<>();
        story.put("title", title);
        story.put("body", body);
        story.put("kind", "SUCCESS_STORY");
        story.put("tags", List.of(tag));
        story.put("chapterId", chapter);
        story.put("visibility", visibility);
        var created = http.post("/api/v1/stories", story, author);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private void submit(String id) {
        var submitted = http.post("/api/v1/stories/" + id + "/submission", null, authorOf(id));
        assertThat(submitted.status()).as(submitted.raw()).isEqualTo(200);
    }

    private final Map<String, String> authors = new HashMap<>();

    private String authorOf(String id) {
        return authors.getOrDefault(id, ada);
    }

    private String published(String author, String title, String visibility, String body) {
        String id = draft(author, title, visibility, body);
        authors.put(id, author);
        submit(id);
        var published = http.post("/api/v1/stories/" + id + "/publication", null, lead);
        assertThat(published.status()).as(published.raw()).isEqualTo(200);
        return id;
    }
}
