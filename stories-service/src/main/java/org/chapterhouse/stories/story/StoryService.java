package org.chapterhouse.stories.story;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.chapterhouse.stories.events.StoryShared;
import org.chapterhouse.stories.events.StorySubmitted;
import org.chapterhouse.support.outbox.OutboxEntry;
import org.chapterhouse.support.outbox.OutboxRelay;
import org.chapterhouse.support.security.Caller;
import org.chapterhouse.support.web.ApiProblem;
import org.chapterhouse.support.web.PageQuery;
import org.chapterhouse.support.web.PageResponse;
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
    private final Counter submitted;
    private final Counter published;
    private final Counter returned;

    StoryService(Stories stories, OutboxRelay relay, MeterRegistry meters) {
        this.stories = stories;
        this.relay = relay;
        this.created = meters.counter("stories.story.created");
        this.submitted = meters.counter("stories.story.submitted");
        this.published = meters.counter("stories.story.published");
        this.returned = meters.counter("stories.story.returned");
    }

    /** What an author writes; validated by the controller, tags still as typed. */
    record Draft(String title, String body, StoryKind kind, List<String> tags, String chapterId,
                 Visibility visibility, boolean featuresMinors, boolean consentOnFile) {
    }

    Story create(Caller caller, Draft draft) {
        if (!caller.isMemberOf(draft.chapterId())) {
            throw ApiProblem.forbidden("You can only write stories for a chapter you belong to");
        }
        Story story = new Story(UUID.randomUUID().toString(), draft.title().strip(), draft.body(), draft.kind(),
                Tags.normalise(draft.tags()), draft.chapterId(),
                draft.visibility() == null ? Visibility.CHAPTER : draft.visibility(), draft.featuresMinors(),
                draft.consentOnFile(), caller.memberId(), caller.displayName(), StoryStatus.DRAFT, Instant.now(),
                null, null, null, null, null, null, List.of());
        stories.insert(story);
        created.increment();
        relay.wakeUp();
        return story;
    }

    Story get(Caller caller, String id) {
        return stories.byId(id).filter(s -> s.readableBy(caller)).orElseThrow(() -> notFound(id));
    }

    PageResponse<Story> list(Caller caller, boolean mine, String chapterId, StoryKind kind, PageQuery page) {
        if (!mine) {
            return stories.published(caller, chapterId, kind, page);
        }
        if (caller == null) {
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                    "Sign in to list your own stories", null);
        }
        return stories.byAuthor(caller.memberId(), chapterId, kind, page);
    }

    Story submit(Caller caller, String id) {
        Story story = get(caller, id);
        if (!story.isAuthor(caller)) {
            throw ApiProblem.forbidden("Only its author submits a story");
        }
        if (story.status() != StoryStatus.DRAFT && story.status() != StoryStatus.RETURNED) {
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
        relay.wakeUp();
        return reload(id);
    }

    /**
     * The story a reviewer acts on. A caller who reviews nowhere is refused before the story is looked up (so the
     * answer says nothing about it); a lead of another chapter gets 404 for what they cannot read and 403 for what
     * they can. A story's own reviewers also see it once returned, so acting on it again answers 409, not 404.
     */
    private Story forReview(Caller caller, String id) {
        if (!caller.isStaff() && !caller.chapters().containsValue(Caller.LEAD)) {
            throw ApiProblem.forbidden("Only a lead of the story's chapter or network staff reviews stories");
        }
        Story story = stories.byId(id)
                .filter(s -> s.readableBy(caller) || (s.reviewableBy(caller) && s.status() != StoryStatus.DRAFT))
                .orElseThrow(() -> notFound(id));
        if (!story.reviewableBy(caller)) {
            throw ApiProblem.forbidden("Only a lead of the story's chapter or network staff reviews it");
        }
        return story;
    }

    private Story reload(String id) {
        return stories.byId(id).orElseThrow(() -> notFound(id));
    }

    private StoryStatus statusOf(String id) {
        return stories.byId(id).map(Story::status).orElseThrow(() -> notFound(id));
    }

    private static ApiProblem invalidTransition(StoryStatus from, StoryStatus to) {
        return ApiProblem.conflict("invalid-transition", "A " + from + " story cannot become " + to);
    }

    private static ApiProblem notFound(String id) {
        return ApiProblem.notFound("Story", id);
    }
}
