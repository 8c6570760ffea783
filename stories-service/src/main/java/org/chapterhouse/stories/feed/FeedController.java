package org.chapterhouse.stories.feed;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.chapterhouse.stories.StoriesProperties;
import org.chapterhouse.stories.story.PublicStories;
import org.chapterhouse.stories.story.PublicStories.PublicStory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * Public feeds of the published {@code PUBLIC} stories, for other organisations' readers and sites: Atom 1.0 and
 * JSON Feed 1.1, newest first, no token needed. Polling is cheap: the version (ETag, Last-Modified) is worked out
 * from the stories without their bodies, and a matching {@code If-None-Match} or {@code If-Modified-Since} gets
 * 304 before any body is read or rendered.
 */
@RestController
@RequestMapping("/feeds")
class FeedController {

    static final String CACHE_CONTROL = "public, max-age=60";
    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");
    static final MediaType JSON_FEED = MediaType.parseMediaType("application/feed+json;charset=UTF-8");

    private final PublicStories stories;
    private final StoriesProperties properties;
    private final AtomFeed atom;
    private final JsonFeedWriter jsonFeed;

    FeedController(PublicStories stories, StoriesProperties properties, AtomFeed atom, JsonFeedWriter jsonFeed) {
        this.stories = stories;
        this.properties = properties;
        this.atom = atom;
        this.jsonFeed = jsonFeed;
    }

    @GetMapping("/stories.atom")
    ResponseEntity<String> atom(WebRequest request, HttpServletResponse response) {
        if (notModified("atom", request, response)) {
            return null;
        }
        return ResponseEntity.ok().contentType(ATOM).body(atom.render(stories.newest(properties.feedSize(), true)));
    }

    @GetMapping("/stories.json")
    ResponseEntity<String> json(WebRequest request, HttpServletResponse response) {
        if (notModified("json", request, response)) {
            return null;
        }
        return ResponseEntity.ok().contentType(JSON_FEED)
                .body(jsonFeed.render(stories.newest(properties.feedSize(), true)));
    }

    /**
     * Sets Cache-Control, ETag and Last-Modified, and answers 304 (true) when the client's copy is current. The
     * ETag covers everything a feed shows but the bodies, which never change once published; Last-Modified is
     * the newest publication (an erased author's name changes the ETag only, which clients that send
     * If-None-Match see).
     */
    private boolean notModified(String format, WebRequest request, HttpServletResponse response) {
        List<PublicStory> current = stories.newest(properties.feedSize(), false);
        response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
        long lastModified = current.isEmpty() ? -1 : current.get(0).publishedAt().toEpochMilli();
        return request.checkNotModified(etag(format, current), lastModified);
    }

    private String etag(String format, List<PublicStory> current) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            update(sha, format, properties.publicBaseUrl().toString(), properties.feedTitle());
            for (PublicStory s : current) {
                update(sha, s.id(), s.title(), s.kind(), String.join(",", s.tags()), s.chapterId(), s.authorName(),
                        String.valueOf(s.publishedAt() == null ? Instant.EPOCH : s.publishedAt()));
            }
            return "\"" + HexFormat.of().formatHex(sha.digest(), 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest sha, String... parts) {
        for (String part : parts) {
            sha.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
    }
}
