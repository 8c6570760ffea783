package org.chapterhouse.stories.page;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import org.chapterhouse.stories.story.PublicStories;
import org.chapterhouse.stories.story.PublicStories.PublicPage;
import org.chapterhouse.stories.story.PublicStories.PublicStory;
import org.chapterhouse.support.web.ApiProblem;
import org.chapterhouse.support.web.PageQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;

/**
 * The public stories as server-rendered HTML, readable without JavaScript and without a token: {@code GET /stories}
 * (newest first, 20 a page, {@code ?page=} from 0, {@code ?tag=}) and {@code GET /stories/{id}}. They show exactly
 * what the public feeds show: published {@code PUBLIC} stories, whoever asks. Anything else is 404, the same for a
 * draft as for an id that never existed.
 *
 * <p>Every answer carries {@link #CONTENT_SECURITY_POLICY}: the pages have no script and no inline style. Pages are
 * cacheable for a minute and carry a weak ETag; a matching {@code If-None-Match} gets 304 before anything is
 * rendered. Errors are HTML pages with the right status, or {@code application/problem+json} for a client whose
 * {@code Accept} prefers JSON.
 */
@Controller
@Hidden // pages for people, not part of the API's description
@RequestMapping("/stories")
class StoryPages {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self' data:; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
    static final String CACHE_CONTROL = "public, max-age=60";
    static final int PAGE_SIZE = PageQuery.DEFAULT_SIZE;
    static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

    private static final Logger log = LoggerFactory.getLogger(StoryPages.class);
    private static final List<MediaType> JSON_TYPES = List.of(MediaType.APPLICATION_PROBLEM_JSON,
            MediaType.APPLICATION_JSON);

    private final PublicStories stories;
    private final PageRenderer pages;

    StoryPages(PublicStories stories, PageRenderer pages) {
        this.stories = stories;
        this.pages = pages;
    }

    @GetMapping
    ResponseEntity<String> list(@RequestParam(required = false) String page,
                                @RequestParam(required = false) String tag,
                                WebRequest request, HttpServletResponse response) {
        PublicPage found = stories.page(tag, PageQuery.of(pageNumber(page), PAGE_SIZE));
        if (found.page() > 0 && found.stories().isEmpty()) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "There is no such page",
                    "There are fewer stories than that page would start at; the first page has the newest.", null);
        }
        List<String> parts = new ArrayList<>(List.of("list", pages.version(), String.valueOf(found.tag()),
                String.valueOf(found.page()), String.valueOf(found.total())));
        found.stories().forEach(s -> parts.addAll(versionOf(s)));
        if (notModified(parts, request, response)) {
            return null;
        }
        return ResponseEntity.ok().contentType(HTML).body(pages.list(found));
    }

    @GetMapping("/{id}")
    ResponseEntity<String> one(@PathVariable String id, WebRequest request, HttpServletResponse response) {
        PublicStory story = stories.one(id).orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "not-found",
                "This story is not published", "There is no published story at this address. It may not exist, "
                + "not be published yet, or be shared with the network's members only.", null));
        List<String> parts = new ArrayList<>(List.of("story", pages.version()));
        parts.addAll(versionOf(story));
        if (notModified(parts, request, response)) {
            return null;
        }
        return ResponseEntity.ok().contentType(HTML).body(pages.story(story));
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<?> refused(ApiProblem problem, HttpServletRequest request, HttpServletResponse response) {
        return refusal(problem, request, response);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<?> failed(Exception e, HttpServletRequest request, HttpServletResponse response) {
        log.error("Unexpected error rendering {}", request.getRequestURI(), e);
        return refusal(new ApiProblem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Something went wrong",
                "Something went wrong on our side; it has been logged. Please try again in a moment.", null),
                request, response);
    }

    /** An error as an HTML page with its status, or as problem+json to a client that prefers JSON. */
    private ResponseEntity<?> refusal(ApiProblem problem, HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        var pd = problem.toProblemDetail();
        if (prefersJson(request.getHeader(HttpHeaders.ACCEPT))) {
            return ResponseEntity.status(problem.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
        }
        return ResponseEntity.status(problem.status()).contentType(HTML)
                .body(pages.error(pd.getTitle(), pd.getDetail()));
    }

    /**
     * Sets the page's caching and CSP headers and answers 304 (true) when the client's copy is current. The weak
     * ETag is a hash of everything the page shows (and of the templates' version).
     */
    private static boolean notModified(List<String> parts, WebRequest request, HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        return request.checkNotModified("W/\"" + Versions.hash(parts) + "\"");
    }

    private static List<String> versionOf(PublicStory s) {
        return List.of(s.id(), s.title(), s.kind(), String.join(",", s.tags()), s.chapterId(),
                String.valueOf(s.authorName()), String.valueOf(s.publishedAt()), String.valueOf(s.body()));
    }

    /** {@code page} from 0; absent or blank is 0; anything but a whole number from 0 is 400 {@code invalid-page}. */
    private static int pageNumber(String page) {
        if (page == null || page.isBlank()) {
            return 0;
        }
        try {
            int number = Integer.parseInt(page.strip());
            if (number >= 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw ApiProblem.badRequest("invalid-page", "page must be a whole number from 0 (the newest stories)");
    }

    /**
     * Whether the client would rather have JSON than HTML: the quality it gives {@code application/json} or
     * {@code application/problem+json} is higher than the one it gives {@code text/html}. A browser's Accept, an
     * absent one or {@code *}{@code /*} get HTML.
     */
    static boolean prefersJson(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        double json = JSON_TYPES.stream().mapToDouble(t -> quality(accepted, t)).max().orElse(0);
        return json > quality(accepted, MediaType.TEXT_HTML);
    }

    /** The quality {@code accepted} gives {@code type}: that of the most specific range that includes it. */
    private static double quality(List<MediaType> accepted, MediaType type) {
        double quality = 0;
        int best = -1;
        for (MediaType range : accepted) {
            if (range.includes(type)) {
                int specificity = range.isWildcardType() ? 0 : range.isWildcardSubtype() ? 1 : 2;
                if (specificity > best) {
                    best = specificity;
                    quality = range.getQualityValue();
                }
            }
        }
        return quality;
    }
}
