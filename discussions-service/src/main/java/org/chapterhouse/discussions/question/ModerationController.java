package org.chapterhouse.discussions.question;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.chapterhouse.discussions.question.QuestionController.QuestionView;
import org.chapterhouse.support.security.Caller;
import org.chapterhouse.support.web.ApiProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The chapter leads' moderation queue: flagged and hidden posts of the chapters they lead (every chapter, for staff),
 * and hiding or restoring a question or an answer. Hidden posts vanish for everyone else.
 */
@RestController
@RequestMapping("/api/v1/moderation")
class ModerationController {

    private final QuestionService questions;

    ModerationController(QuestionService questions) {
        this.questions = questions;
    }

    /** Questions with open flags (on them or on an answer), or hidden ones with {@code state=hidden}. */
    @GetMapping("/queue")
    List<QuestionView> queue(Caller caller, @RequestParam(required = false) String chapterId,
                             @RequestParam(required = false) String state,
                             @RequestParam(required = false) Integer limit) {
        String s = state == null ? "flagged" : state;
        if (!s.equals("flagged") && !s.equals("hidden")) {
            throw ApiProblem.badRequest("invalid-state", "state must be 'flagged' or 'hidden'");
        }
        int n = limit == null ? 50 : limit;
        if (n < 1 || n > 100) {
            throw ApiProblem.badRequest("invalid-limit", "limit must be 1 to 100");
        }
        return questions.moderationQueue(caller, chapterId, s, n).stream().map(q -> QuestionView.of(q, caller))
                .toList();
    }

    record Decision(@Size(max = 500) String note) {
    }

    @PostMapping("/questions/{id}/hide")
    QuestionView hideQuestion(Caller caller, @PathVariable String id,
                              @Valid @RequestBody(required = false) Decision decision) {
        return QuestionView.of(questions.moderate(caller, id, null, true, note(decision)), caller);
    }

    @PostMapping("/questions/{id}/restore")
    QuestionView restoreQuestion(Caller caller, @PathVariable String id,
                                 @Valid @RequestBody(required = false) Decision decision) {
        return QuestionView.of(questions.moderate(caller, id, null, false, note(decision)), caller);
    }

    @PostMapping("/answers/{id}/hide")
    QuestionView hideAnswer(Caller caller, @PathVariable String id,
                            @Valid @RequestBody(required = false) Decision decision) {
        return QuestionView.of(questions.moderate(caller, questions.questionOfAnswer(id), id, true,
                note(decision)), caller);
    }

    @PostMapping("/answers/{id}/restore")
    QuestionView restoreAnswer(Caller caller, @PathVariable String id,
                               @Valid @RequestBody(required = false) Decision decision) {
        return QuestionView.of(questions.moderate(caller, questions.questionOfAnswer(id), id, false,
                note(decision)), caller);
    }

    private static String note(Decision decision) {
        return decision == null ? null : decision.note();
    }
}
