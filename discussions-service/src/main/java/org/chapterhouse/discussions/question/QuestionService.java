package org.chapterhouse.discussions.question;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.chapterhouse.discussions.events.AnswerAccepted;
import org.chapterhouse.discussions.events.AnswerPosted;
import org.chapterhouse.discussions.events.AnswerUnaccepted;
import org.chapterhouse.discussions.events.ContentFlagged;
import org.chapterhouse.discussions.events.FlagReason;
import org.chapterhouse.discussions.events.QuestionPosted;
import org.chapterhouse.discussions.events.Visibility;
import org.chapterhouse.support.outbox.OutboxEntry;
import org.chapterhouse.support.outbox.OutboxRelay;
import org.chapterhouse.support.security.Caller;
import org.chapterhouse.support.web.ApiProblem;
import org.chapterhouse.support.web.PageQuery;
import org.chapterhouse.support.web.PageResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

@Service
class QuestionService {

    /** The name an erased member's posts are shown with. */
    static final String FORMER_MEMBER = "former member";

    private final Questions questions;
    private final QuestionIndex index;
    private final OutboxRelay relay;
    private final MeterRegistry meters;

    QuestionService(Questions questions, QuestionIndex index, OutboxRelay relay, MeterRegistry meters) {
        this.questions = questions;
        this.index = index;
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
                tags, v, List.of(), 0, null, 0, Map.of(), now, now, 0, List.of(), Map.of(), 0, null, now,
                List.of(event));
        questions.insert(question);
        index.indexed(question);
        meters.counter("discussions.question.posted").increment();
        relay.wakeUp();
        return question;
    }

    Question get(Caller caller, String id) {
        return questions.byId(id).filter(q -> q.visibleTo(caller))
                .orElseThrow(() -> ApiProblem.notFound("Question", id));
    }

    /** Lists and searches come from the search index, which holds only what the caller's list needs. */
    PageResponse<QuestionIndex.Hit> find(Caller caller, QuestionIndex.Filter filter, String text,
                                         QuestionIndex.Order order, PageQuery page) {
        return index.find(caller, filter, text, order, page);
    }

    List<QuestionIndex.Hit> similar(Caller caller, String title, String body, int limit) {
        return index.similar(caller, title, body, limit);
    }

    /** Re-reads a question that was just changed and puts it in the search index. */
    Question reindexed(String id) {
        Question q = questions.byId(id).orElseThrow(() -> ApiProblem.notFound("Question", id));
        index.indexed(q);
        return q;
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
        reindexed(id);
        return get(caller, id);
    }

    Answer answer(Caller caller, String questionId, String body) {
        Question question = get(caller, questionId);
        Answer answer = Answer.fresh(UUID.randomUUID().toString(), caller.memberId(), caller.displayName(), body,
                Instant.now());
        OutboxEntry event = OutboxEntry.of(AnswerPosted.TOPIC, questionId, question.chapterId(),
                new AnswerPosted(questionId, answer.answerId(), question.chapterId(), caller.memberId(),
                        question.authorId(), question.visibility()));
        Question updated = questions.addAnswer(questionId, answer, event).orElseThrow(() -> ApiProblem.conflict(
                "too-many-answers", "This question already has " + Questions.MAX_ANSWERS + " answers"));
        index.indexed(updated);
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
            Answer answer = question.answersFor(caller).stream().filter(a -> a.answerId().equals(answerId)).findFirst()
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
            if (answer.hidden()) {
                throw ApiProblem.conflict("answer-hidden", "A hidden answer cannot be accepted");
            }
            if (questions.accept(questionId, question.acceptedAnswerId(), answerId, now, event)) {
                meters.counter("discussions.answer.accepted").increment();
                relay.wakeUp();
                reindexed(questionId);
                return get(caller, questionId);
            }
            // someone accepted another answer meanwhile: re-read and decide again
        }
        throw ApiProblem.conflict("concurrent-modification", "The accepted answer keeps changing; try again");
    }

    /** Withdraws the acceptance: the question is unanswered again, and AnswerUnaccepted is published. */
    Question unaccept(Caller caller, String questionId) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Question question = get(caller, questionId);
            if (!caller.memberId().equals(question.authorId()) && !caller.isLeadOf(question.chapterId())) {
                throw ApiProblem.forbidden("Only the asker or a lead of the chapter withdraws an acceptance");
            }
            if (question.acceptedAnswerId() == null) {
                return question;
            }
            String withdrawn = question.acceptedAnswerId();
            String answerAuthor = question.answers().stream().filter(a -> a.answerId().equals(withdrawn))
                    .map(Answer::authorId).findFirst().orElseThrow();
            OutboxEntry event = OutboxEntry.of(AnswerUnaccepted.TOPIC, questionId, question.chapterId(),
                    new AnswerUnaccepted(questionId, withdrawn, question.chapterId(), answerAuthor, caller.memberId(),
                            question.visibility()));
            if (questions.unaccept(questionId, withdrawn, Instant.now(), event)) {
                meters.counter("discussions.answer.unaccepted").increment();
                relay.wakeUp();
                reindexed(questionId);
                return get(caller, questionId);
            }
        }
        throw ApiProblem.conflict("concurrent-modification", "The accepted answer keeps changing; try again");
    }

    /** Where an answer is: its question (as the caller may see it) and its position there. */
    record Located(Question question, int index, Answer answer) {
    }

    String questionOfAnswer(String answerId) {
        return questions.questionOfAnswer(answerId).orElseThrow(() -> ApiProblem.notFound("Answer", answerId));
    }

    Located locate(Caller caller, String answerId) {
        String questionId = questions.questionOfAnswer(answerId)
                .orElseThrow(() -> ApiProblem.notFound("Answer", answerId));
        Question q;
        try {
            q = get(caller, questionId);
        } catch (ApiProblem hidden) {
            throw ApiProblem.notFound("Answer", answerId);
        }
        for (int i = 0; i < q.answers().size(); i++) {
            Answer a = q.answers().get(i);
            if (a.answerId().equals(answerId)) {
                if (a.hidden() && !q.moderatedBy(caller)) {
                    break;
                }
                return new Located(q, i, a);
            }
        }
        throw ApiProblem.notFound("Answer", answerId);
    }

    /** Edits an answer's body if it is still at {@code expectedRevision}: its author, or a lead moderating. */
    Located editAnswer(Caller caller, String answerId, int expectedRevision, String body) {
        Located at = locate(caller, answerId);
        if (!caller.memberId().equals(at.answer().authorId()) && !caller.isLeadOf(at.question().chapterId())) {
            throw ApiProblem.forbidden("Only the author or a lead of the chapter edits an answer");
        }
        if (!questions.editAnswer(at.question().id(), at.index(), at.answer(), expectedRevision, body,
                caller.memberId(), Instant.now())) {
            throw new ApiProblem(HttpStatus.PRECONDITION_FAILED, "stale-revision", "Edited meanwhile",
                    "The answer was changed since revision " + expectedRevision + "; reload it and edit again", null);
        }
        meters.counter("discussions.answer.edited").increment();
        reindexed(at.question().id());
        return locate(caller, answerId);
    }

    /**
     * A member flags the question ({@code answerId} null) or one of its answers, once: a second flag by the same
     * member changes nothing and publishes nothing. True if this was a new flag.
     */
    boolean flag(Caller caller, String questionId, String answerId, FlagReason reason) {
        Question q;
        String prefix;
        Criteria post;
        int flagCount;
        String authorId;
        if (answerId == null) {
            q = get(caller, questionId);
            prefix = "";
            post = Criteria.where("_id").is(questionId);
            flagCount = q.flagCount();
            authorId = q.authorId();
        } else {
            Located at = locate(caller, answerId);
            q = at.question();
            prefix = "answers." + at.index() + ".";
            post = Criteria.where("_id").is(q.id()).and(prefix + "answerId").is(answerId);
            flagCount = at.answer().flagCount();
            authorId = at.answer().authorId();
        }
        if (authorId.equals(caller.memberId())) {
            throw ApiProblem.forbidden("You cannot flag your own post");
        }
        String flagId = UUID.nameUUIDFromBytes((q.id() + "/" + answerId + "/" + caller.memberId())
                .getBytes(StandardCharsets.UTF_8)).toString();
        OutboxEntry event = OutboxEntry.of(ContentFlagged.TOPIC, q.id(), q.chapterId(), new ContentFlagged(flagId,
                q.id(), answerId, q.chapterId(), caller.memberId(), reason, flagCount + 1, q.visibility()));
        boolean fresh = questions.flag(post, prefix, Votes.key(caller.memberId()), reason.name(), Instant.now(), event);
        if (fresh) {
            meters.counter("discussions.content.flagged", "post", answerId == null ? "question" : "answer")
                    .increment();
            relay.wakeUp();
            reindexed(q.id());
        }
        return fresh;
    }

    /** A lead of the chapter (or staff) hides or restores the question or one of its answers. */
    Question moderate(Caller caller, String questionId, String answerId, boolean hide, String note) {
        Question q = questions.byId(questionId).orElseThrow(() -> ApiProblem.notFound("Question", questionId));
        if (!q.moderatedBy(caller)) {
            // to anyone else a question they cannot moderate might as well not exist
            if (!q.visibleTo(caller)) {
                throw ApiProblem.notFound("Question", questionId);
            }
            throw ApiProblem.forbidden("Only a lead of the question's chapter, or staff, moderates it");
        }
        Criteria post = Criteria.where("_id").is(questionId);
        String prefix = "";
        if (answerId != null) {
            int i = 0;
            while (i < q.answers().size() && !q.answers().get(i).answerId().equals(answerId)) {
                i++;
            }
            if (i == q.answers().size()) {
                throw ApiProblem.notFound("Answer", answerId);
            }
            prefix = "answers." + i + ".";
            post = post.and(prefix + "answerId").is(answerId);
        }
        questions.moderate(post, prefix, new Question.Moderation(hide, caller.memberId(), Instant.now(), note));
        meters.counter(hide ? "discussions.post.hidden" : "discussions.post.restored",
                "post", answerId == null ? "question" : "answer").increment();
        return reindexed(questionId);
    }

    /** The moderation queue: questions of the chapters the caller leads (all, for staff) that are flagged or hidden. */
    List<Question> moderationQueue(Caller caller, String chapterId, String state, int limit) {
        List<String> led = caller.chapters().entrySet().stream().filter(e -> Caller.LEAD.equals(e.getValue()))
                .map(Map.Entry::getKey).toList();
        if (chapterId != null && !caller.isStaff() && !led.contains(chapterId)) {
            throw ApiProblem.forbidden("Only a lead of chapter '" + chapterId + "', or staff, sees its queue");
        }
        if (chapterId == null && led.isEmpty() && !caller.isStaff()) {
            throw ApiProblem.forbidden("The moderation queue is for chapter leads and staff");
        }
        List<String> chapters = chapterId != null ? List.of(chapterId) : led;
        boolean all = chapterId == null && caller.isStaff();
        return index.awaitingModeration(chapters, all, state, limit).stream().map(questions::byId)
                .flatMap(java.util.Optional::stream).toList();
    }

    /** MemberErased: the member's questions and answers stay readable, authored by "former member". */
    void anonymise(String memberId) {
        List<String> changed = questions.anonymise(memberId, FORMER_MEMBER, Instant.now());
        changed.forEach(this::reindexed);
        meters.counter("discussions.member.anonymised").increment();
    }
}
