package org.chapterhouse.discussions.question;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.chapterhouse.discussions.events.Visibility;
import org.chapterhouse.support.security.Caller;
import org.chapterhouse.support.web.ApiProblem;
import org.chapterhouse.support.web.Markdown;
import org.chapterhouse.support.web.PageQuery;
import org.chapterhouse.support.web.PageResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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

    /** {@code body} is the Markdown as written; {@code bodyHtml} is it rendered and sanitised, safe to embed. */
    record AnswerView(String id, String authorId, String authorName, String body, String bodyHtml, int score,
                      int myVote, boolean accepted, Instant createdAt) {
        static AnswerView of(Answer a, String acceptedId, Caller caller) {
            return new AnswerView(a.answerId(), a.authorId(), a.authorName(), a.body(), Markdown.toSafeHtml(a.body()),
                    a.score(), Votes.myVote(a.votes(), caller), a.answerId().equals(acceptedId), a.createdAt());
        }
    }

    record QuestionView(String id, String chapterId, String authorId, String authorName, String title, String body,
                        String bodyHtml, List<String> tags, Visibility visibility, String status,
                        String acceptedAnswerId, int score, int myVote, int answerCount, Instant createdAt,
                        Instant lastActivityAt, List<AnswerView> answers) {
        static QuestionView of(Question q, Caller caller) {
            return new QuestionView(q.id(), q.chapterId(), q.authorId(), q.authorName(), q.title(), q.body(),
                    Markdown.toSafeHtml(q.body()), q.tags(), q.visibility(), q.answered() ? "answered" : "unanswered",
                    q.acceptedAnswerId(), q.score(), Votes.myVote(q.votes(), caller), q.answerCount(), q.createdAt(),
                    q.lastActivityAt(),
                    q.answers().stream().map(a -> AnswerView.of(a, q.acceptedAnswerId(), caller)).toList());
        }
    }

    record QuestionSummary(String id, String chapterId, String authorId, String authorName, String title,
                           List<String> tags, Visibility visibility, String status, int score, int answerCount,
                           Instant createdAt, Instant lastActivityAt) {
        static QuestionSummary of(Question q) {
            return new QuestionSummary(q.id(), q.chapterId(), q.authorId(), q.authorName(), q.title(), q.tags(),
                    q.visibility(), q.answered() ? "answered" : "unanswered", q.score(), q.answerCount(), q.createdAt(),
                    q.lastActivityAt());
        }
    }

    @PostMapping
    ResponseEntity<QuestionView> post(Caller caller, @Valid @RequestBody PostQuestion request) {
        Question q = questions.post(caller, request.title(), request.body(), request.tags(), request.chapterId(),
                request.visibility());
        return ResponseEntity.created(URI.create("/api/v1/questions/" + q.id())).body(QuestionView.of(q, caller));
    }

    @GetMapping
    PageResponse<QuestionSummary> list(Caller caller,
                                       @RequestParam(required = false) String chapterId,
                                       @RequestParam(required = false) String tag,
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
        var filter = new Questions.Filter(chapterId, tag == null ? null : Tags.slug(tag), answered,
                Boolean.TRUE.equals(mine) ? caller.memberId() : null);
        Questions.Order order = switch (sort == null ? "activity" : sort) {
            case "activity" -> Questions.Order.ACTIVITY;
            case "newest" -> Questions.Order.NEWEST;
            case "votes" -> Questions.Order.VOTES;
            default -> throw ApiProblem.badRequest("invalid-sort", "sort must be 'activity', 'newest' or 'votes'");
        };
        PageResponse<Question> result = questions.list(caller, filter, order, PageQuery.of(page, size));
        return new PageResponse<>(result.items().stream().map(QuestionSummary::of).toList(), result.page(),
                result.size(), result.total());
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
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiProblem(HttpStatus.PRECONDITION_REQUIRED, "precondition-required", "If-Match required",
                    "Send If-Match with the ETag of the question as you read it", null);
        }
        int revision;
        try {
            revision = Integer.parseInt(ifMatch.strip().replaceFirst("^W/", "").replace("\"", ""));
        } catch (NumberFormatException e) {
            throw new ApiProblem(HttpStatus.PRECONDITION_FAILED, "stale-revision", "Edited meanwhile",
                    "If-Match does not name a revision of this question", null);
        }
        Question q = questions.edit(caller, id, revision, request.title(), request.body(), request.tags());
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
        return "\"" + q.revision() + "\"";
    }

    @PostMapping("/{id}/answers")
    ResponseEntity<AnswerView> answer(Caller caller, @PathVariable String id,
                                      @Valid @RequestBody PostAnswer request) {
        Answer a = questions.answer(caller, id, request.body());
        return ResponseEntity.created(URI.create("/api/v1/questions/" + id + "#answer-" + a.answerId()))
                .body(AnswerView.of(a, null, caller));
    }

    @PutMapping("/{id}/accepted-answer")
    QuestionView accept(Caller caller, @PathVariable String id, @Valid @RequestBody AcceptAnswer request) {
        return QuestionView.of(questions.accept(caller, id, request.answerId()), caller);
    }
}
