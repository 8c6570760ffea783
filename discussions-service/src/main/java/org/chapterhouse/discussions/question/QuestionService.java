package org.chapterhouse.discussions.question;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.chapterhouse.discussions.events.AnswerAccepted;
import org.chapterhouse.discussions.events.AnswerPosted;
import org.chapterhouse.discussions.events.QuestionPosted;
import org.chapterhouse.discussions.events.Visibility;
import org.chapterhouse.support.outbox.OutboxEntry;
import org.chapterhouse.support.outbox.OutboxRelay;
import org.chapterhouse.support.security.Caller;
import org.chapterhouse.support.web.ApiProblem;
import org.chapterhouse.support.web.PageQuery;
import org.chapterhouse.support.web.PageResponse;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

@Service
class QuestionService {

    private final Questions questions;
    private final OutboxRelay relay;
    private final MeterRegistry meters;

    QuestionService(Questions questions, OutboxRelay relay, MeterRegistry meters) {
        this.questions = questions;
        this.relay = relay;
        this.meters = meters;
    }

    Question post(Caller caller, String title, String body, List<String> rawTags, String chapterId,
                  Visibility visibility) {
        if (!caller.isMemberOf(chapterId)) {
            throw ApiProblem.forbidden("You can only ask in a chapter you belong to");
        }
        List<String> tags = Tags.normalise(rawTags);
        String id = UUID.randomUUID().toString();
        Visibility v = visibility == null ? Visibility.CHAPTER : visibility;
        Instant now = Instant.now();
        OutboxEntry event = OutboxEntry.of(QuestionPosted.TOPIC, id, chapterId,
                new QuestionPosted(id, chapterId, caller.memberId(), title.strip(), tags, v));
        Question question = new Question(id, chapterId, caller.memberId(), caller.displayName(), title.strip(), body,
                tags, v, List.of(), 0, null, 0, Map.of(), now, now, 0, List.of(), List.of(event));
        questions.insert(question);
        meters.counter("discussions.question.posted").increment();
        relay.wakeUp();
        return question;
    }

    Question get(Caller caller, String id) {
        return questions.byId(id).filter(q -> q.visibleTo(caller))
                .orElseThrow(() -> ApiProblem.notFound("Question", id));
    }

    PageResponse<Question> list(Caller caller, Questions.Filter filter, Questions.Order order, PageQuery page) {
        Query query = questions.visibleQuery(caller, filter);
        return PageResponse.of(questions.list(query, order, page), page, questions.count(query));
    }

    /**
     * Edits title, body or tags (null leaves a field as it is) if the question is still at {@code expectedRevision}
     * (optimistic concurrency: a stale edit is refused with 412). The author edits; a lead of the chapter moderates.
     */
    Question edit(Caller caller, String id, int expectedRevision, String title, String body, List<String> rawTags) {
        Question q = get(caller, id);
        if (!caller.memberId().equals(q.authorId()) && !caller.isLeadOf(q.chapterId())) {
            throw ApiProblem.forbidden("Only the asker or a lead of the chapter edits a question");
        }
        List<String> tags = rawTags == null ? null : Tags.normalise(rawTags);
        if (!questions.edit(q, expectedRevision, title == null ? null : title.strip(), body, tags,
                caller.memberId(), Instant.now())) {
            throw new ApiProblem(HttpStatus.PRECONDITION_FAILED, "stale-revision", "Edited meanwhile",
                    "The question was changed since revision " + expectedRevision + "; reload it and edit again",
                    null);
        }
        meters.counter("discussions.question.edited").increment();
        return get(caller, id);
    }

    Answer answer(Caller caller, String questionId, String body) {
        Question question = get(caller, questionId);
        Answer answer = new Answer(UUID.randomUUID().toString(), caller.memberId(), caller.displayName(), body,
                Instant.now(), 0, Map.of());
        OutboxEntry event = OutboxEntry.of(AnswerPosted.TOPIC, questionId, question.chapterId(),
                new AnswerPosted(questionId, answer.answerId(), question.chapterId(), caller.memberId(),
                        question.authorId(), question.visibility()));
        questions.addAnswer(questionId, answer, event).orElseThrow(() -> ApiProblem.conflict("too-many-answers",
                "This question already has " + Questions.MAX_ANSWERS + " answers"));
        meters.counter("discussions.answer.posted").increment();
        relay.wakeUp();
        return answer;
    }

    /** Accepts an answer (or changes the accepted one). Accepting the one already accepted changes nothing. */
    Question accept(Caller caller, String questionId, String answerId) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Question question = get(caller, questionId);
            if (!caller.memberId().equals(question.authorId()) && !caller.isLeadOf(question.chapterId())) {
                throw ApiProblem.forbidden("Only the asker or a lead of the chapter accepts an answer");
            }
            Answer answer = question.answers().stream().filter(a -> a.answerId().equals(answerId)).findFirst()
                    .orElseThrow(() -> new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-answer",
                            "Unknown answer", "Answer '" + answerId + "' is not an answer to this question", null));
            if (answerId.equals(question.acceptedAnswerId())) {
                return question;
            }
            Instant now = Instant.now();
            OutboxEntry event = OutboxEntry.of(AnswerAccepted.TOPIC, questionId, question.chapterId(),
                    new AnswerAccepted(questionId, answerId, question.chapterId(), answer.authorId(),
                            caller.memberId(), question.authorId(), question.acceptedAnswerId(),
                            question.visibility()));
            if (questions.accept(questionId, question.acceptedAnswerId(), answerId, now, event)) {
                meters.counter("discussions.answer.accepted").increment();
                relay.wakeUp();
                return get(caller, questionId);
            }
            // someone accepted another answer meanwhile: re-read and decide again
        }
        throw ApiProblem.conflict("concurrent-modification", "The accepted answer keeps changing; try again");
    }
}
