package org.chapterhouse.stories.story;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.chapterhouse.support.security.Caller;
import org.chapterhouse.support.web.ApiProblem;
import org.chapterhouse.support.web.Markdown;
import org.chapterhouse.support.web.PageQuery;
import org.chapterhouse.support.web.PageResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stories and their review. Reading published stories is open to anyone their visibility admits. A story's
 * {@code ETag} is its revision: send it back in {@code If-Match} to edit.
 */
@RestController
@RequestMapping("/api/v1/stories")
class StoryController {

    private final StoryService stories;

    StoryController(StoryService stories) {
        this.stories = stories;
    }

    /** A new story; its author comes from the token. */
    record CreateStory(@NotBlank @Size(min = 10, max = 150) String title,
                       @NotBlank @Size(min = 1, max = 20_000) String body,
                       @NotNull StoryKind kind,
                       @NotNull @Size(min = 1, max = 5) List<@NotBlank String> tags,
                       @NotBlank @Size(max = 100) String chapterId,
                       Visibility visibility,
                       Boolean featuresMinors,
                       Boolean consentOnFile) {

        StoryService.Draft draft() {
            return new StoryService.Draft(title, body, kind, tags, chapterId, visibility,
                    Boolean.TRUE.equals(featuresMinors), Boolean.TRUE.equals(consentOnFile));
        }
    }

    /** The author's edit of a draft or returned story: only what is given changes; the chapter never does. */
    record EditStory(@Size(min = 10, max = 150) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
                     String title,
                     @Size(min = 1, max = 20_000) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
                     String body,
                     StoryKind kind,
                     @Size(min = 1, max = 5) List<@NotBlank String> tags,
                     Visibility visibility,
                     Boolean featuresMinors,
                     Boolean consentOnFile) {

        boolean empty() {
            return title == null && body == null && kind == null && tags == null && visibility == null
                    && featuresMinors == null && consentOnFile == null;
        }

        Stories.Changes changes() {
            return new Stories.Changes(title, body, kind, tags, visibility, featuresMinors, consentOnFile);
        }
    }

    /** A reviewer sends a story back to its author. */
    record ReturnStory(@NotBlank @Size(min = 1, max = 2000) String comment) {
    }

    record Author(String id, String displayName) {
    }

    /** The question and accepted answer a promoted best practice comes from; {@code questionPath} links to it. */
    record Source(String questionId, String answerId, String questionPath) {
    }

    /** What the reviewer said; shown to the author and the story's reviewers only. */
    record Review(String comment, String reviewedBy, Instant reviewedAt) {
    }

    /**
     * A story as its reader sees it. {@code body} is the Markdown as written; {@code bodyHtml} is it rendered and
     * sanitised, safe to embed.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StoryView(String id, String title, String body, String bodyHtml, StoryKind kind, List<String> tags, String chapterId,
                     Visibility visibility, boolean featuresMinors, boolean consentOnFile, StoryStatus status,
                     Author author, Instant createdAt, Instant submittedAt, Instant publishedAt, String publishedBy,
                     Review review, int revision, Source source) {

        static StoryView of(Story s, Caller caller) {
            boolean insider = s.isAuthor(caller) || s.reviewableBy(caller);
            Review review = insider && s.reviewedBy() != null
                    ? new Review(s.reviewComment(), s.reviewedBy(), s.reviewedAt()) : null;
            return new StoryView(s.id(), s.title(), s.body(), Markdown.toSafeHtml(s.body()), s.kind(), s.tags(), s.chapterId(), s.visibility(),
                    s.featuresMinors(), s.consentOnFile(), s.status(), new Author(s.authorId(), s.authorName()),
                    s.createdAt(), s.submittedAt(), s.publishedAt(), s.publishedBy(), review, s.revision(),
                    s.source() == null ? null : new Source(s.source().questionId(), s.source().answerId(),
                            "/questions/" + s.source().questionId()));
        }
    }

    /** A story in a list: no body (read it with GET /api/v1/stories/{id}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StorySummary(String id, String title, StoryKind kind, List<String> tags, String chapterId,
                        Visibility visibility, StoryStatus status, Author author, Instant createdAt,
                        Instant submittedAt, Instant publishedAt) {

        static StorySummary of(Story s) {
            return new StorySummary(s.id(), s.title(), s.kind(), s.tags(), s.chapterId(), s.visibility(),
                    s.status(), new Author(s.authorId(), s.authorName()), s.createdAt(), s.submittedAt(),
                    s.publishedAt());
        }
    }

    @PostMapping
    ResponseEntity<StoryView> create(Caller caller, @Valid @RequestBody CreateStory request) {
        Story story = stories.create(caller, request.draft());
        return ResponseEntity.created(URI.create("/api/v1/stories/" + story.id())).eTag(etag(story))
                .body(StoryView.of(story, caller));
    }

    /**
     * Published stories the caller may read, newest published first; with {@code mine=true} the caller's own in any
     * status, newest first. {@code tag} is read as a slug ({@code Homework Help} = {@code homework-help}).
     */
    @GetMapping
    PageResponse<StorySummary> list(Caller caller,
                                    @RequestParam(required = false) String chapterId,
                                    @RequestParam(required = false) StoryKind kind,
                                    @RequestParam(required = false) String tag,
                                    @RequestParam(required = false) StoryStatus status,
                                    @RequestParam(defaultValue = "false") boolean mine,
                                    @RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size) {
        return summaries(stories.list(caller, mine, filter(chapterId, kind, tag, status), PageQuery.of(page, size)));
    }

    /**
     * Submitted stories waiting for the caller's review, first submitted first, never their own: the
     * {@code CHAPTER} stories of the chapters they lead, and for STAFF and ADMIN the {@code NETWORK} and
     * {@code PUBLIC} stories of every chapter. 401 anonymous, 403 for a caller who reviews nowhere.
     */
    @GetMapping("/review-queue")
    PageResponse<StorySummary> reviewQueue(Caller caller,
                                           @RequestParam(required = false) String chapterId,
                                           @RequestParam(required = false) StoryKind kind,
                                           @RequestParam(required = false) String tag,
                                           @RequestParam(required = false) Integer page,
                                           @RequestParam(required = false) Integer size) {
        return summaries(stories.reviewQueue(caller, filter(chapterId, kind, tag, null), PageQuery.of(page, size)));
    }

    /** The story, if the caller may read it; its {@code ETag} is its revision. */
    @GetMapping("/{id}")
    ResponseEntity<StoryView> one(Caller caller, @PathVariable String id) {
        Story story = stories.get(caller, id);
        return ResponseEntity.ok().eTag(etag(story)).body(StoryView.of(story, caller));
    }

    /**
     * The author edits a {@code DRAFT} or {@code RETURNED} story; needs {@code If-Match} with the ETag they read
     * (428 when missing, 412 when the story changed since).
     */
    @PatchMapping("/{id}")
    ResponseEntity<StoryView> edit(Caller caller, @PathVariable String id,
                                   @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                   @Valid @RequestBody EditStory request) {
        if (request.empty()) {
            throw ApiProblem.badRequest("empty-edit", "Send at least one of title, body, kind, tags, visibility, "
                    + "featuresMinors, consentOnFile");
        }
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiProblem(HttpStatus.PRECONDITION_REQUIRED, "precondition-required", "If-Match required",
                    "Send If-Match with the ETag of the story as you read it", null);
        }
        int revision;
        try {
            revision = Integer.parseInt(ifMatch.strip().replaceFirst("^W/", "").replace("\"", ""));
        } catch (NumberFormatException e) {
            throw StoryService.stale();
        }
        Story story = stories.edit(caller, id, revision, request.changes());
        return ResponseEntity.ok().eTag(etag(story)).body(StoryView.of(story, caller));
    }

    @PostMapping("/{id}/submission")
    StoryView submit(Caller caller, @PathVariable String id) {
        return StoryView.of(stories.submit(caller, id), caller);
    }

    @PostMapping("/{id}/publication")
    StoryView publish(Caller caller, @PathVariable String id) {
        return StoryView.of(stories.publish(caller, id), caller);
    }

    @PostMapping("/{id}/return")
    StoryView returnToAuthor(Caller caller, @PathVariable String id, @Valid @RequestBody ReturnStory request) {
        return StoryView.of(stories.returnToAuthor(caller, id, request.comment()), caller);
    }

    static String etag(Story story) {
        return "\"" + story.revision() + "\"";
    }

    private static Stories.Filter filter(String chapterId, StoryKind kind, String tag, StoryStatus status) {
        return new Stories.Filter(chapterId == null || chapterId.isBlank() ? null : chapterId, kind,
                tag == null || tag.isBlank() ? null : Tags.slug(tag), status);
    }

    private static PageResponse<StorySummary> summaries(PageResponse<Story> found) {
        return new PageResponse<>(found.items().stream().map(StorySummary::of).toList(), found.page(),
                found.size(), found.total());
    }
}
