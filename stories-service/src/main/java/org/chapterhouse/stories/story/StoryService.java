package org.chapterhouse.stories.story;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.chapterhouse.stories.events.StoryShared;
import org.chapterhouse.stories.events.StorySubmitted;
import org.chapterhouse.support.outbox.OutboxEntry;
import org.chapterhouse.support.outbox.OutboxRelay;
import org.chapterhouse.support.security.Caller;
import org.chapterhouse.support.web.ApiProblem;
import org.chapterhouse.support.web.PageQuery;
import org.chapterhouse.support.web.PageResponse;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Writing and reviewing stories. Who may do what comes only from the {@link Caller}; a story a caller may not read
 * answers 404 as if it did not exist.
 */
@Service
class StoryService {

    private final Stories stories;
    private final OutboxRelay relay;
    private final Counter created;
    private final Counter edited;
    private final Counter submitted;
    private final Counter published;
    private final Counter returned;
    private final Counter promoted;

    StoryService(Stories stories, OutboxRelay relay, MeterRegistry meters) {
        this.stories = stories;
        this.relay = relay;
        this.created = meters.counter("stories.story.created");
        this.edited = meters.counter("stories.story.edited");
        this.submitted = meters.counter("stories.story.submitted");
        this.published = meters.counter("stories.story.published");
        this.returned = meters.counter("stories.story.returned");
        this.promoted = meters.counter("stories.story.promoted");
    }

    /** What an author writes; validated by the controller, tags still as typed. */
    record Draft(String title, String body, StoryKind kind, List<String> tags, String chapterId,
                 Visibility visibility, boolean featuresMinors, boolean consentOnFile) {
    }

    Story create(Caller caller, Draft draft) {
        if (!caller.isMemberOf(draft.chapterId())) {
            throw ApiProblem.forbidden("You can only write stories for a chapter you belong to");
        }
        Story story = newDraft(UUID.randomUUID().toString(), caller, draft, null);
        stories.insert(story);
        created.increment();
        return story;
    }

    /**
     * A promoted best practice: a draft of {@code caller}'s, with an id that follows from the question, so a
     * question is promoted once however often it is asked for. Throws {@link AlreadyPromoted} the second time.
     */
    Story promote(Caller caller, Draft draft, Story.Source source) {
        String id = UUID.nameUUIDFromBytes(("promotion/" + source.questionId()).getBytes(
                java.nio.charset.StandardCharsets.UTF_8)).toString();
        try {
            Story story = stories.insert(newDraft(id, caller, draft, source));
            promoted.increment();
            return story;
        } catch (DuplicateKeyException alreadyThere) {
            throw new AlreadyPromoted(id);
        }
    }

    /** The question was promoted before; {@code storyId} is the draft it became. */
    static final class AlreadyPromoted extends ApiProblem {
        final String storyId;

        AlreadyPromoted(String storyId) {
            super(HttpStatus.CONFLICT, "already-promoted", "Conflict",
                    "This question's accepted answer is already a best practice: see Location",
                    Map.of("storyId", storyId));
            this.storyId = storyId;
        }
    }

    private static Story newDraft(String id, Caller caller, Draft draft, Story.Source source) {
        return new Story(id, draft.title().strip(), draft.body(), draft.kind(), Tags.normalise(draft.tags()),
                draft.chapterId(), draft.visibility() == null ? Visibility.CHAPTER : draft.visibility(),
                draft.featuresMinors(), draft.consentOnFile(), caller.memberId(), caller.displayName(),
                StoryStatus.DRAFT, Instant.now(), null, null, null, null, null, null, 0, List.of(), source,
                List.of());
    }

    Story get(Caller caller, String id) {
        return stories.byId(id).filter(s -> s.readableBy(caller)).orElseThrow(() -> notFound(id));
    }

    /**
     * Published stories the caller may read, or with {@code mine} the caller's own in any status. {@code status}
     * filters only the caller's own: everyone else's are listed once published.
     */
    PageResponse<Story> list(Caller caller, boolean mine, Stories.Filter filter, PageQuery page) {
        if (!mine) {
            if (filter.status() != null && filter.status() != StoryStatus.PUBLISHED) {
                throw ApiProblem.badRequest("invalid-status", "Only your own stories (mine=true) are listed by "
                        + "status; stories waiting for review are in GET /api/v1/stories/review-queue");
            }
            return stories.published(caller, filter, page);
        }
        return stories.byAuthor(signedIn(caller).memberId(), filter, page);
    }

    PageResponse<Story> reviewQueue(Caller caller, Stories.Filter filter, PageQuery page) {
        requireReviewerSomewhere(signedIn(caller));
        return stories.reviewQueue(caller, filter, page);
    }

    /**
     * The author's edit of a DRAFT or RETURNED story, made on {@code expectedRevision} (from the ETag they read):
     * 412 when it moved on since, 409 when it is no longer editable.
     */
    Story edit(Caller caller, String id, int expectedRevision, Stories.Changes changes) {
        Story story = get(caller, id);
        if (!story.isAuthor(caller)) {
            throw ApiProblem.forbidden("Only its author edits a story");
        }
        if (!story.editable()) {
            throw ApiProblem.conflict("not-editable", "A " + story.status() + " story cannot be edited; only "
                    + "DRAFT and RETURNED ones can");
        }
        if (story.revision() != expectedRevision) {
            throw stale();
        }
        Stories.Changes normalised = new Stories.Changes(changes.title() == null ? null : changes.title().strip(),
                changes.body(), changes.kind(), changes.tags() == null ? null : Tags.normalise(changes.tags()),
                changes.visibility(), changes.featuresMinors(), changes.consentOnFile());
        if (!stories.edit(story, normalised, Instant.now())) {
            Story now = reload(id);
            if (!now.editable()) {
                throw ApiProblem.conflict("not-editable", "The story was submitted meanwhile");
            }
            throw stale();
        }
        edited.increment();
        return reload(id);
    }

    Story submit(Caller caller, String id) {
        Story story = get(caller, id);
        if (!story.isAuthor(caller)) {
            throw ApiProblem.forbidden("Only its author submits a story");
        }
        if (!story.editable()) {
            throw invalidTransition(story.status(), StoryStatus.SUBMITTED);
        }
        OutboxEntry event = OutboxEntry.of(StorySubmitted.TOPIC, id, story.chapterId(),
                new StorySubmitted(id, story.chapterId(), story.authorId(), story.kind().name(), story.title(),
                        story.visibility().name()));
        if (!stories.submit(id, caller.memberId(), Instant.now(), event)) {
            throw invalidTransition(statusOf(id), StoryStatus.SUBMITTED);
        }
        submitted.increment();
        relay.wakeUp();
        return reload(id);
    }

    Story publish(Caller caller, String id) {
        Story story = forReview(caller, id);
        if (story.status() != StoryStatus.SUBMITTED) {
            throw invalidTransition(story.status(), StoryStatus.PUBLISHED);
        }
        if (story.lacksConsentToPublish()) {
            throw ApiProblem.conflict("consent-required", "A PUBLIC story that features minors needs "
                    + "consentOnFile; share it with the NETWORK or the CHAPTER instead, or record the consent");
        }
        OutboxEntry event = OutboxEntry.of(StoryShared.TOPIC, id, story.chapterId(),
                new StoryShared(id, story.chapterId(), story.authorId(), story.kind().name(), story.title(),
                        story.tags(), story.visibility().name(), caller.memberId()));
        if (!stories.publish(id, caller.memberId(), Instant.now(), event)) {
            throw invalidTransition(statusOf(id), StoryStatus.PUBLISHED);
        }
        published.increment();
        relay.wakeUp();
        return reload(id);
    }

    Story returnToAuthor(Caller caller, String id, String comment) {
        Story story = forReview(caller, id);
        if (story.status() != StoryStatus.SUBMITTED) {
            throw invalidTransition(story.status(), StoryStatus.RETURNED);
        }
        if (!stories.returnToAuthor(id, caller.memberId(), comment.strip(), Instant.now())) {
            throw invalidTransition(statusOf(id), StoryStatus.RETURNED);
        }
        returned.increment();
        return reload(id);
    }

    /**
     * The story a reviewer acts on. A caller who reviews nowhere is refused before the story is looked up (so the
     * answer says nothing about it); a lead of another chapter gets 404 for what they cannot read and 403 for what
     * they can; an author gets 403 for their own story. A story's own reviewers also see it once returned, so acting
     * on it again answers 409, not 404.
     */
    private Story forReview(Caller caller, String id) {
        requireReviewerSomewhere(caller);
        Story story = stories.byId(id)
                .filter(s -> s.readableBy(caller) || (s.reviewableBy(caller) && s.status() != StoryStatus.DRAFT))
                .orElseThrow(() -> notFound(id));
        if (story.isAuthor(caller)) {
            throw ApiProblem.forbidden("Nobody reviews their own story");
        }
        if (!story.reviewableBy(caller)) {
            throw ApiProblem.forbidden("Only a lead of the story's chapter or network staff reviews it");
        }
        return story;
    }

    private static void requireReviewerSomewhere(Caller caller) {
        if (!caller.isStaff() && !caller.chapters().containsValue(Caller.LEAD)) {
            throw ApiProblem.forbidden("Only a lead of the story's chapter or network staff reviews stories");
        }
    }

    private static Caller signedIn(Caller caller) {
        if (caller == null) {
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                    "Sign in to list your own stories or the review queue", null);
        }
        return caller;
    }

    private Story reload(String id) {
        return stories.byId(id).orElseThrow(() -> notFound(id));
    }

    private StoryStatus statusOf(String id) {
        return stories.byId(id).map(Story::status).orElseThrow(() -> notFound(id));
    }

    static ApiProblem stale() {
        return new ApiProblem(HttpStatus.PRECONDITION_FAILED, "stale-revision", "Edited meanwhile",
                "The story changed since you read it: read it again (GET, for its ETag) and redo the edit", null);
    }

    private static ApiProblem invalidTransition(StoryStatus from, StoryStatus to) {
        return ApiProblem.conflict("invalid-transition", "A " + from + " story cannot become " + to);
    }

    private static ApiProblem notFound(String id) {
        return ApiProblem.notFound("Story", id);
    }
}
