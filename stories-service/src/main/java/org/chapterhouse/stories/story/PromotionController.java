package org.chapterhouse.stories.story;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.chapterhouse.stories.inbound.discussions.AnsweredQuestions;
import org.chapterhouse.stories.inbound.discussions.KnownQuestion;
import org.chapterhouse.support.security.Caller;
import org.chapterhouse.support.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Promotes a question's accepted answer into a {@code BEST_PRACTICE} draft. What the service knows of questions
 * comes only from discussions' QuestionPosted and AnswerAccepted events ({@link AnsweredQuestions}).
 */
@RestController
@RequestMapping("/api/v1/stories/promotions")
class PromotionController {

    private final AnsweredQuestions questions;
    private final StoryService stories;

    PromotionController(AnsweredQuestions questions, StoryService stories) {
        this.questions = questions;
        this.stories = stories;
    }

    record Promote(@NotBlank @Size(max = 100) String questionId) {
    }

    /**
     * 201 with the new draft (the caller's, in the question's chapter and visibility); 404 when no accepted answer
     * of a question the caller may see is known; 403 for anyone but the asker, the accepted answer's author or a
     * lead of the question's chapter; 409 {@code already-promoted} with {@code Location} of the existing draft.
     */
    @PostMapping
    ResponseEntity<?> promote(Caller caller, @Valid @RequestBody Promote request) {
        KnownQuestion q = questions.find(request.questionId()).filter(KnownQuestion::promotable)
                .filter(known -> mayRead(caller, known))
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Accepted answer not found",
                        "No accepted answer is known for question '" + request.questionId() + "'", null));
        boolean entitled = caller.memberId().equals(q.authorId()) || caller.memberId().equals(q.answerAuthorId())
                || caller.isLeadOf(q.chapterId());
        if (!entitled) {
            throw ApiProblem.forbidden("Only the asker, the accepted answer's author or a lead of the chapter "
                    + "promotes an answer");
        }
        Visibility visibility = "NETWORK".equals(q.visibility()) ? Visibility.NETWORK : Visibility.CHAPTER;
        var draft = new StoryService.Draft(title(q.title()), template(q), StoryKind.BEST_PRACTICE, q.tags(),
                q.chapterId(), visibility, false, false);
        try {
            Story story = stories.promote(caller, draft, new Story.Source(q.id(), q.acceptedAnswerId()));
            return ResponseEntity.created(location(story.id())).eTag(StoryController.etag(story))
                    .body(StoryController.StoryView.of(story, caller));
        } catch (StoryService.AlreadyPromoted already) {
            ProblemDetail problem = already.toProblemDetail();
            return ResponseEntity.status(HttpStatus.CONFLICT).location(location(already.storyId)).body(problem);
        }
    }

    private static boolean mayRead(Caller caller, KnownQuestion q) {
        return "NETWORK".equals(q.visibility()) || caller.isMemberOf(q.chapterId()) || caller.isStaff();
    }

    private static URI location(String storyId) {
        return URI.create("/api/v1/stories/" + storyId);
    }

    /** A story title is 10–150 characters, a question's too; pad a legacy short one rather than fail. */
    private static String title(String questionTitle) {
        String t = questionTitle.strip();
        return t.length() >= 10 ? t : "Best practice: " + t;
    }

    /** The body the author completes: Markdown, linking back to the question and its accepted answer. */
    static String template(KnownQuestion q) {
        String link = "/questions/" + q.id();
        return """
                > Promoted from the accepted answer to [%s](%s).

                ## What works

                _Say in your own words what the accepted answer recommends._

                ## Why it works

                _What did your chapter see when it tried it?_

                ## How to start

                1. _The first step another chapter can take._

                Source: [the question and its accepted answer](%s#answer-%s).
                """.formatted(escape(q.title()), link, link, q.acceptedAnswerId());
    }

    private static String escape(String markdown) {
        return markdown.replaceAll("([\\\\\\[\\]()*_`<>])", "\\\\$1");
    }
}
