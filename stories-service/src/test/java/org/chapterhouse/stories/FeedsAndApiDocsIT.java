package org.chapterhouse.stories;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * The public Atom and JSON feeds, their conditional GETs, and the OpenAPI description. Links are absolute from
 * {@code chapterhouse.stories.public-base-url} (its local default, {@code http://localhost:8080}: the gateway). The
 * context is the other ITs' own (no property of its own), so one consumer group member reads the topics.
 */
@ServiceIntegrationTest
@Import(TestTokens.Config.class)
class FeedsAndApiDocsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    Http http;
    String chapter;
    String ada;
    String lead;

    @BeforeEach
    void setUp() {
        http = new Http("http://localhost:" + port);
        chapter = "riverside-" + UUID.randomUUID().toString().substring(0, 8);
        ada = TestTokens.token("ada-" + chapter, "Ada", Map.of(chapter, "VOLUNTEER"));
        lead = TestTokens.token("lin-" + chapter, "Lin", Map.of(chapter, "CHAPTER_LEAD"));
    }

    @Test
    void theAtomFeedCarriesPublicStoriesOnlyWithSanitisedHtmlAndAbsoluteLinks() throws Exception {
        String chapterOnly = published("Shared with our chapter only", "CHAPTER", "Nothing public here.");
        String networkOnly = published("Shared with the whole network", "NETWORK", "Nothing public here.");
        String publicOne = published("Shared with the whole world", "PUBLIC",
                "We **planted** a garden. <script>alert('x')</script>[more](https://example.org) "
                        + "[the question](/questions/q-1)");
        String draft = draft("A public draft not yet reviewed", "PUBLIC");

        HttpResponse<String> response = get("/feeds/stories.atom", Map.of());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/atom+xml");
        assertThat(response.headers().firstValue("Cache-Control").orElseThrow()).isEqualTo("public, max-age=60");
        assertThat(response.headers().firstValue("ETag")).isPresent();
        assertThat(response.headers().firstValue("Last-Modified")).isPresent();

        SyndFeed feed = new SyndFeedInput().build(new StringReader(response.body()));
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        List<String> ids = feed.getEntries().stream().map(SyndEntry::getUri).toList();
        assertThat(ids.get(0)).as("newest first").isEqualTo("urn:uuid:" + publicOne);
        assertThat(ids).doesNotContain("urn:uuid:" + chapterOnly, "urn:uuid:" + networkOnly, "urn:uuid:" + draft);
        SyndEntry entry = feed.getEntries().get(0);
        assertThat(entry.getTitle()).isEqualTo("Shared with the whole world");
        assertThat(entry.getLink()).isEqualTo("http://localhost:8080/api/v1/stories/" + publicOne);
        assertThat(entry.getAuthor()).isEqualTo("Ada");
        assertThat(entry.getCategories()).extracting(c -> c.getName()).containsExactly("garden");
        String html = entry.getContents().get(0).getValue();
        assertThat(html).contains("<strong>planted</strong>").doesNotContain("<script").contains("nofollow")
                .as("site-relative links are made absolute").contains("href=\"http://localhost:8080/questions/q-1\"");
        assertThat(feed.getLinks()).anySatisfy(l -> {
            assertThat(l.getRel()).isEqualTo("self");
            assertThat(l.getHref()).isEqualTo("http://localhost:8080/feeds/stories.atom");
        });
    }

    @Test
    void theJsonFeedCarriesPublicStoriesOnly() {
        String networkOnly = published("Shared with the whole network", "NETWORK", "Not public.");
        String publicOne = published("Shared with the whole world", "PUBLIC", "We *planted* a garden.");

        HttpResponse<String> response = get("/feeds/stories.json", Map.of());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/feed+json");
        JsonNode feed = JSON.readTree(response.body());
        assertThat(feed.get("version").asString()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(feed.get("feed_url").asString()).isEqualTo("http://localhost:8080/feeds/stories.json");
        List<String> ids = new ArrayList<>();
        feed.get("items").forEach(i -> ids.add(i.get("id").asString()));
        assertThat(ids.get(0)).isEqualTo("urn:uuid:" + publicOne);
        assertThat(ids).doesNotContain("urn:uuid:" + networkOnly);
        JsonNode item = feed.get("items").get(0);
        assertThat(item.get("url").asString()).isEqualTo("http://localhost:8080/api/v1/stories/" + publicOne);
        assertThat(item.get("content_html").asString()).contains("<em>planted</em>");
        assertThat(item.get("date_published").asString()).endsWith("Z");
        assertThat(item.get("authors").get(0).get("name").asString()).isEqualTo("Ada");
        assertThat(item.get("tags").get(0).asString()).isEqualTo("garden");
    }

    @Test
    void aConditionalGetAnswers304UntilANewPublicStoryIsPublished() {
        published("Shared with the whole world first", "PUBLIC", "One.");
        for (String path : List.of("/feeds/stories.atom", "/feeds/stories.json")) {
            HttpResponse<String> first = get(path, Map.of());
            String etag = first.headers().firstValue("ETag").orElseThrow();
            String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();

            HttpResponse<String> byEtag = get(path, Map.of("If-None-Match", etag));
            assertThat(byEtag.statusCode()).as(path).isEqualTo(304);
            assertThat(byEtag.body()).isEmpty();
            assertThat(byEtag.headers().firstValue("ETag")).contains(etag);
            assertThat(byEtag.headers().firstValue("Cache-Control")).contains("public, max-age=60");
            assertThat(get(path, Map.of("If-Modified-Since", lastModified)).statusCode()).as(path).isEqualTo(304);
            assertThat(get(path, Map.of("If-None-Match", "\"something-else\"")).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> before = get("/feeds/stories.atom", Map.of());
        String etag = before.headers().firstValue("ETag").orElseThrow();
        published("A chapter story changes no public feed", "CHAPTER", "Two.");
        assertThat(get("/feeds/stories.atom", Map.of("If-None-Match", etag)).statusCode()).isEqualTo(304);
        published("Shared with the whole world next", "PUBLIC", "Three.");
        HttpResponse<String> after = get("/feeds/stories.atom", Map.of("If-None-Match", etag));
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
    }

    @Test
    void servesTheOpenApiDescriptionWithoutAToken() {
        var docs = http.get("/v3/api-docs", null);
        assertThat(docs.status()).as(docs.raw()).isEqualTo(200);
        assertThat(docs.contentType()).startsWith("application/json");
        JsonNode paths = docs.json().get("paths");
        assertThat(paths.has("/api/v1/stories")).isTrue();
        assertThat(paths.has("/api/v1/stories/{id}")).isTrue();
        assertThat(paths.has("/api/v1/stories/review-queue")).isTrue();
        assertThat(paths.has("/api/v1/stories/promotions")).isTrue();
        assertThat(paths.has("/feeds/stories.atom")).isTrue();
        assertThat(docs.raw()).as("the caller comes from the token, not a parameter").doesNotContain("memberId");
        assertThat(http.get("/v3/api-docs/springdocDefault", null).status()).isNotIn(401, 403);
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private HttpResponse<String> get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        headers.forEach(request::header);
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String draft(String title, String visibility) {
        return draft(title, visibility, "What we tried, and what worked.");
    }

    private String draft(String title, String visibility, String body) {
        Map<String, Object> story = new HashMap<>();
        story.put("title", title);
        story.put("body", body);
        story.put("kind", "SUCCESS_STORY");
        story.put("tags", List.of("garden"));
        story.put("chapterId", chapter);
        story.put("visibility", visibility);
        var created = http.post("/api/v1/stories", story, ada);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private String published(String title, String visibility, String body) {
        String id = draft(title, visibility, body);
        assertThat(http.post("/api/v1/stories/" + id + "/submission", null, ada).status()).isEqualTo(200);
        var published = http.post("/api/v1/stories/" + id + "/publication", null, lead);
        assertThat(published.status()).as(published.raw()).isEqualTo(200);
        return id;
    }
}
