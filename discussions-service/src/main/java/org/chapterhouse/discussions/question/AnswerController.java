package org.chapterhouse.discussions.question;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.chapterhouse.discussions.events.FlagReason;
import org.chapterhouse.discussions.question.QuestionController.AnswerView;
import org.chapterhouse.support.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** One answer: read it (with its ETag), edit it with {@code If-Match}, see its history, flag it. */
@RestController
@RequestMapping("/api/v1/answers")
class AnswerController {

    private final QuestionService questions;

    AnswerController(QuestionService questions) {
        this.questions = questions;
    }

    @GetMapping("/{id}")
    ResponseEntity<AnswerView> get(Caller caller, @PathVariable String id) {
        QuestionService.Located at = questions.locate(caller, id);
        return ResponseEntity.ok().eTag(Revisions.etag(at.answer().revision()))
                .body(AnswerView.of(at.question(), at.answer(), caller));
    }

    record EditAnswer(@NotBlank @Size(max = 20_000) String body) {
    }

    /** Edits the body (its author, or a lead of the chapter); {@code If-Match} required, 412 when stale. */
    @PatchMapping("/{id}")
    ResponseEntity<AnswerView> edit(Caller caller, @PathVariable String id,
                                    @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                    @Valid @RequestBody EditAnswer request) {
        int expected = Revisions.expected(ifMatch);
        QuestionService.Located at = questions.editAnswer(caller, id, expected, request.body());
        return ResponseEntity.ok().eTag(Revisions.etag(at.answer().revision()))
                .body(AnswerView.of(at.question(), at.answer(), caller));
    }

    record RevisionView(int revision, String body, String editedBy, Instant replacedAt) {
    }

    /** Earlier bodies of the answer, newest first. */
    @GetMapping("/{id}/revisions")
    List<RevisionView> revisions(Caller caller, @PathVariable String id) {
        List<Answer.Revision> all = new ArrayList<>(questions.locate(caller, id).answer().revisions());
        Collections.reverse(all);
        return all.stream().map(r -> new RevisionView(r.revision(), r.body(), r.editedBy(), r.editedAt())).toList();
    }

    record Flag(@NotNull FlagReason reason) {
    }

    /** Flags the answer for the chapter's leads: 201 the first time, 200 (and nothing new) after that. */
    @PostMapping("/{id}/flags")
    ResponseEntity<QuestionController.Flagged> flag(Caller caller, @PathVariable String id,
                                                    @Valid @RequestBody Flag request) {
        String questionId = questions.locate(caller, id).question().id();
        boolean fresh = questions.flag(caller, questionId, id, request.reason());
        return ResponseEntity.status(fresh ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new QuestionController.Flagged(questionId, id, !fresh));
    }
}
