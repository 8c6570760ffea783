package org.chapterhouse.stories.story;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.chapterhouse.support.security.Caller;
import org.chapterhouse.support.web.Markdown;
import org.chapterhouse.support.web.PageQuery;
import org.chapterhouse.support.web.PageResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Stories and their review. Reading published stories is open to anyone their visibility admits. */
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
                       @NotNull @Size(min = 1, max = 5) List<@NotBlank @Size(max = Tags.MAX_LENGTH) String> tags,
                       @NotBlank @Size(max = 100) String chapterId,
                       Visibility visibility,
                       Boolean featuresMinors,
                       Boolean consentOnFile) {

        StoryService.Draft draft() {
            return new StoryService.Draft(title, body, kind, tags, chapterId, visibility,
                    Boolean.TRUE.equals(featuresMinors), Boolean.TRUE.equals(consentOnFile));
        }
    }

    /** A reviewer sends a story back to its author. */
    record ReturnStory(@NotBlank @Size(min = 1, max = 2000) String comment) {
    }

    record Author(String id, String displayName) {
    }

    /** What the reviewer said; shown to the author and the story's reviewers only. */
    record Review(String comment, String reviewedBy, Instant reviewedAt) {
    }

    /** A story as its reader sees it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    /** {@code body} is the Markdown as written; {@code bodyHtml} is it rendered and sanitised, safe to embed. */
    record StoryView(String id, String title, String body, String bodyHtml, StoryKind kind, List<String> tags, String chapterId,
                     Visibility visibility, boolean featuresMinors, boolean consentOnFile, StoryStatus status,
                     Author author, Instant createdAt, Instant submittedAt, Instant publishedAt, String publishedBy,
                     Review review) {

        static StoryView of(Story s, Caller caller) {
            boolean insider = s.isAuthor(caller) || s.reviewableBy(caller);
            Review review = insider && s.reviewedBy() != null
                    ? new Review(s.reviewComment(), s.reviewedBy(), s.reviewedAt()) : null;
            return new StoryView(s.id(), s.title(), s.body(), Markdown.toSafeHtml(s.body()), s.kind(), s.tags(), s.chapterId(), s.visibility(),
                    s.featuresMinors(), s.consentOnFile(), s.status(), new Author(s.authorId(), s.authorName()),
                    s.createdAt(), s.submittedAt(), s.publishedAt(), s.publishedBy(), review);
        }
    }

    /** A story in a list: no body (read it with GET /api/v1/stories/{id}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StorySummary(String id, String title, StoryKind kind, List<String> tags, String chapterId,
                        Visibility visibility, StoryStatus status, Author author, Instant createdAt,
                        Instant publishedAt) {

        static StorySummary of(Story s) {
            return new StorySummary(s.id(), s.title(), s.kind(), s.tags(), s.chapterId(), s.visibility(),
                    s.status(), new Author(s.authorId(), s.authorName()), s.createdAt(), s.publishedAt());
        }
    }

    @PostMapping
    ResponseEntity<StoryView> create(Caller caller, @Valid @RequestBody CreateStory request) {
        Story story = stories.create(caller, request.draft());
        return ResponseEntity.created(URI.create("/api/v1/stories/" + story.id())).body(StoryView.of(story, caller));
    }

    @GetMapping
    PageResponse<StorySummary> list(Caller caller,
                                    @RequestParam(required = false) String chapterId,
                                    @RequestParam(required = false) StoryKind kind,
                                    @RequestParam(defaultValue = "false") boolean mine,
                                    @RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size) {
        PageResponse<Story> found = stories.list(caller, mine, chapterId, kind, PageQuery.of(page, size));
        return new PageResponse<>(found.items().stream().map(StorySummary::of).toList(), found.page(),
                found.size(), found.total());
    }

    @GetMapping("/{id}")
    StoryView one(Caller caller, @PathVariable String id) {
        return StoryView.of(stories.get(caller, id), caller);
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
}
