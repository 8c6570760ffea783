package org.chapterhouse.discussions.question;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.chapterhouse.discussions.events.FlagReason;
import org.chapterhouse.discussions.events.Visibility;
import org.chapterhouse.support.security.Caller;
import org.chapterhouse.support.web.ApiProblem;
import org.chapterhouse.support.web.Markdown;
import org.chapterhouse.support.web.PageQuery;
import org.chapterhouse.support.web.PageResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/questions")
class QuestionController {

    private final QuestionService questions;

    QuestionController(QuestionService questions) {
        this.questions = questions;
    }

    record PostQuestion(@NotBlank @Size(min = 10, max = 150) String title,
                        @NotBlank @Size(max = 20_000) String body,
                        @NotNull @Size(min = 1, max = 5) List<@NotBlank String> tags,
                        @NotBlank String chapterId,
                        Visibility visibility) {
    }

    record PostAnswer(@NotBlank @Size(max = 20_000) String body) {
    }

    record AcceptAnswer(@NotBlank String answerId) {
    }

    /**
     * {@code body} is the Markdown as written; {@code bodyHtml} is it rendered and sanitised, safe to embed.
     * {@code moderation} (hidden, flag count) is shown to the chapter's leads and staff only.
     */
    record AnswerView(String id, String questionId, String authorId, String authorName, String body, String bodyHtml,
                      int score, int myVote, boolean accepted, int revision, Instant createdAt, Instant editedAt,
                      ModerationView moderation) {
        static AnswerView of(Question q, Answer a, Caller caller) {
            return new AnswerView(a.answerId(), q.id(), a.authorId(), a.authorName(), a.body(),
                    Markdown.toSafeHtml(a.body()), a.score(), Votes.myVote(a.votes(), caller),
                    a.answerId().equals(q.acceptedAnswerId()), a.revision(), a.createdAt(), a.editedAt(),
                    q.moderatedBy(caller) ? new ModerationView(a.hidden(), a.flagCount()) : null);
        }
    }

    record ModerationView(boolean hidden, int flagCount) {
    }

    record QuestionView(String id, String chapterId, String authorId, String authorName, String title, String body,
                        String bodyHtml, List<String> tags, Visibility visibility, String status,
                        String acceptedAnswerId, int score, int myVote, int answerCount, Instant createdAt,
                        Instant lastActivityAt, int revision, ModerationView moderation,
                        List<AnswerView> answers) {
        static QuestionView of(Question q, Caller caller) {
            List<Answer> shown = q.answersFor(caller);
            return new QuestionView(q.id(), q.chapterId(), q.authorId(), q.authorName(), q.title(), q.body(),
                    Markdown.toSafeHtml(q.body()), q.tags(), q.visibility(), q.answered() ? "answered" : "unanswered",
                    q.acceptedAnswerId(), q.score(), Votes.myVote(q.votes(), caller), shown.size(), q.createdAt(),
                    q.lastActivityAt(), q.revision(),
                    q.moderatedBy(caller) ? new ModerationView(q.hidden(), q.flagCount()) : null,
                    shown.stream().map(a -> AnswerView.of(q, a, caller)).toList());
        }
    }

    @PostMapping
    ResponseEntity<QuestionView> post(Caller caller, @Valid @RequestBody PostQuestion request) {
        Question q = questions.post(caller, request.title(), request.body(), request.tags(), request.chapterId(),
                request.visibility());
        return ResponseEntity.created(URI.create("/api/v1/questions/" + q.id())).body(QuestionView.of(q, caller));
    }

    /**
     * The chapter feed, a tag, the unanswered queue, "my questions" and full-text search, from the search index.
     * With {@code q} the results are ranked by relevance (unless {@code sort} says otherwise) and carry highlighted
     * snippets.
     */
    @GetMapping
    PageResponse<QuestionIndex.Hit> list(Caller caller,
                                         @RequestParam(required = false) String chapterId,
                                         @RequestParam(required = false) String tag,
                                         @RequestParam(required = false) String q,
                                         @RequestParam(required = false) String status,
                                         @RequestParam(required = false) Boolean mine,
                                         @RequestParam(required = false) String sort,
                                         @RequestParam(required = false) Integer page,
                                         @RequestParam(required = false) Integer size) {
        Boolean answered = switch (status == null ? "" : status) {
            case "" -> null;
            case "answered" -> true;
            case "unanswered" -> false;
            default -> throw ApiProblem.badRequest("invalid-status", "status must be 'answered' or 'unanswered'");
        };
        String text = q == null || q.isBlank() ? null : q.strip();
        if (text != null && text.length() > 200) {
            throw ApiProblem.badRequest("query-too-long", "q is at most 200 characters");
        }
        var filter = new QuestionIndex.Filter(chapterId, tag == null ? null : Tags.slug(tag), answered,
                Boolean.TRUE.equals(mine) ? caller.memberId() : null);
        QuestionIndex.Order order = switch (sort == null ? (text == null ? "activity" : "relevance") : sort) {
            case "relevance" -> QuestionIndex.Order.RELEVANCE;
            case "activity" -> QuestionIndex.Order.ACTIVITY;
            case "newest" -> QuestionIndex.Order.NEWEST;
            case "votes" -> QuestionIndex.Order.VOTES;
            default -> throw ApiProblem.badRequest("invalid-sort",
                    "sort must be 'relevance', 'activity', 'newest' or 'votes'");
        };
        return questions.find(caller, filter, text, order, PageQuery.of(page, size));
    }

    /** Questions like the one being written, for the "ask" page to show while the member types. */
    @GetMapping("/similar")
    List<QuestionIndex.Hit> similar(Caller caller, @RequestParam String title,
                                    @RequestParam(required = false) String body,
                                    @RequestParam(required = false) Integer limit) {
        if (title.length() > 150 || (body != null && body.length() > 20_000)) {
            throw ApiProblem.badRequest("too-long", "title is at most 150 characters, body at most 20,000");
        }
        int n = limit == null ? 5 : limit;
        if (n < 1 || n > 20) {
            throw ApiProblem.badRequest("invalid-limit", "limit must be 1 to 20");
        }
        return questions.similar(caller, title, body, n);
    }

    /** The question and its answers; the {@code ETag} is the revision, to send back in {@code If-Match} to edit. */
    @GetMapping("/{id}")
    ResponseEntity<QuestionView> get(Caller caller, @PathVariable String id) {
        Question q = questions.get(caller, id);
        return ResponseEntity.ok().eTag(etag(q)).body(QuestionView.of(q, caller));
    }

    record EditQuestion(@Size(min = 10, max = 150) String title,
                        @Size(min = 1, max = 20_000) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
                        String body,
                        @Size(min = 1, max = 5) List<@NotBlank String> tags) {
    }

    /** Edits title, body or tags; needs {@code If-Match} with the ETag read (412 when stale, 428 when missing). */
    @PatchMapping("/{id}")
    ResponseEntity<QuestionView> edit(Caller caller, @PathVariable String id,
                                      @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                      @Valid @RequestBody EditQuestion request) {
        if (request.title() == null && request.body() == null && request.tags() == null) {
            throw ApiProblem.badRequest("empty-edit", "Send at least one of title, body, tags");
        }
        Question q = questions.edit(caller, id, Revisions.expected(ifMatch), request.title(), request.body(),
                request.tags());
        return ResponseEntity.ok().eTag(etag(q)).body(QuestionView.of(q, caller));
    }

    record RevisionView(int revision, String title, String body, List<String> tags, String editedBy,
                        Instant replacedAt) {
    }

    /** Earlier states of the question, newest first. */
    @GetMapping("/{id}/revisions")
    List<RevisionView> revisions(Caller caller, @PathVariable String id) {
        List<Question.Revision> all = new java.util.ArrayList<>(questions.get(caller, id).revisions());
        java.util.Collections.reverse(all);
        return all.stream().map(r -> new RevisionView(r.revision(), r.title(), r.body(), r.tags(), r.editedBy(),
                r.editedAt())).toList();
    }

    private static String etag(Question q) {
        return Revisions.etag(q.revision());
    }

    @PostMapping("/{id}/answers")
    ResponseEntity<AnswerView> answer(Caller caller, @PathVariable String id,
                                      @Valid @RequestBody PostAnswer request) {
        Answer a = questions.answer(caller, id, request.body());
        return ResponseEntity.created(URI.create("/api/v1/answers/" + a.answerId()))
                .body(AnswerView.of(questions.get(caller, id), a, caller));
    }

    @PutMapping("/{id}/accepted-answer")
    QuestionView accept(Caller caller, @PathVariable String id, @Valid @RequestBody AcceptAnswer request) {
        return QuestionView.of(questions.accept(caller, id, request.answerId()), caller);
    }

    /** Withdraws the acceptance (the asker or a lead of the chapter): the question is unanswered again. */
    @DeleteMapping("/{id}/accepted-answer")
    QuestionView unaccept(Caller caller, @PathVariable String id) {
        return QuestionView.of(questions.unaccept(caller, id), caller);
    }

    record Flag(@NotNull FlagReason reason) {
    }

    record Flagged(String questionId, String answerId, boolean alreadyFlagged) {
    }

    /** Flags the question for the chapter's leads: 201 the first time, 200 (and nothing new) after that. */
    @PostMapping("/{id}/flags")
    ResponseEntity<Flagged> flag(Caller caller, @PathVariable String id, @Valid @RequestBody Flag request) {
        boolean fresh = questions.flag(caller, id, null, request.reason());
        return ResponseEntity.status(fresh ? HttpStatus.CREATED : HttpStatus.OK).body(new Flagged(id, null, !fresh));
    }
}
