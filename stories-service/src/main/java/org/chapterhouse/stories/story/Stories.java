package org.chapterhouse.stories.story;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.chapterhouse.support.outbox.OutboxEntry;
import org.chapterhouse.support.security.Caller;
import org.chapterhouse.support.web.PageQuery;
import org.chapterhouse.support.web.PageResponse;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The stories collection. Every write is one conditional single-document update that names the state it expects
 * (status, revision, author), and pushes the event it raises in the same write: two reviewers racing cannot both
 * win, and an edit made on a stale copy changes nothing.
 */
@Repository
class Stories {

    static final String COLLECTION = "stories";

    private static final Sort NEWEST_PUBLISHED = Sort.by(Sort.Order.desc("publishedAt"), Sort.Order.desc("_id"));
    private static final Sort NEWEST_CREATED = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id"));
    private static final Sort FIRST_SUBMITTED = Sort.by(Sort.Order.asc("submittedAt"), Sort.Order.asc("_id"));
    /** What a list of summaries never reads: the outbox, the body and the earlier revisions. */
    private static final String[] SUMMARY_HIDDEN = {OutboxEntry.FIELD, "body", "revisions"};
    /** What the public feeds and pages never read, nor may show: the outbox, revisions and the reviewer's comment. */
    private static final String[] PUBLIC_HIDDEN = {OutboxEntry.FIELD, "revisions", "reviewComment"};

    private final MongoTemplate mongo;

    /** List filters; null means any. */
    record Filter(String chapterId, StoryKind kind, String tag, StoryStatus status) {
    }

    /** What an edit sets; null fields stay as they are. */
    record Changes(String title, String body, StoryKind kind, List<String> tags, Visibility visibility,
                   Boolean featuresMinors, Boolean consentOnFile) {
    }

    Stories(MongoTemplate mongo) {
        this.mongo = mongo;
        var indexes = mongo.indexOps(COLLECTION);
        // the published listing, by the visibility branch a caller is admitted to ...
        indexes.createIndex(new Index().on("status", Sort.Direction.ASC).on("visibility", Sort.Direction.ASC)
                .on("publishedAt", Sort.Direction.DESC).named("published_by_visibility"));
        // ... filtered by chapter (and the CHAPTER branch: the caller's chapters) ...
        indexes.createIndex(new Index().on("status", Sort.Direction.ASC).on("chapterId", Sort.Direction.ASC)
                .on("publishedAt", Sort.Direction.DESC).named("published_by_chapter"));
        // ... or by kind ...
        indexes.createIndex(new Index().on("status", Sort.Direction.ASC).on("kind", Sort.Direction.ASC)
                .on("publishedAt", Sort.Direction.DESC).named("published_by_kind"));
        // ... or by tag (multikey)
        indexes.createIndex(new Index().on("status", Sort.Direction.ASC).on("tags", Sort.Direction.ASC)
                .on("publishedAt", Sort.Direction.DESC).named("published_by_tag"));
        // an author's own stories, any status
        indexes.createIndex(new Index().on("authorId", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC)
                .named("author_stories"));
        // the review queue: submitted stories by visibility and chapter, first submitted first
        indexes.createIndex(new Index().on("status", Sort.Direction.ASC).on("visibility", Sort.Direction.ASC)
                .on("chapterId", Sort.Direction.ASC).on("submittedAt", Sort.Direction.ASC).named("review_queue"));
    }

    Story insert(Story story) {
        return mongo.insert(story);
    }

    Optional<Story> byId(String id) {
        return Optional.ofNullable(mongo.findById(id, Story.class));
    }

    /** DRAFT or RETURNED → SUBMITTED, by its author; false if it was not in one of those states (or not theirs). */
    boolean submit(String id, String authorId, Instant at, OutboxEntry event) {
        Query expected = Query.query(Criteria.where("_id").is(id).and("authorId").is(authorId)
                .and("status").in(StoryStatus.DRAFT.name(), StoryStatus.RETURNED.name()));
        Update update = new Update().set("status", StoryStatus.SUBMITTED.name()).set("submittedAt", at)
                .push(OutboxEntry.FIELD, event);
        return mongo.updateFirst(expected, update, Story.class).getModifiedCount() == 1;
    }

    /**
     * The author's edit of a DRAFT or RETURNED story, if it is still at {@code current}'s revision: sets the
     * changes, bumps the revision and keeps the replaced state, in one write. False when it moved on meanwhile.
     */
    boolean edit(Story current, Changes changes, Instant at) {
        Criteria atRevision = current.revision() == 0 ? Criteria.where("revision").in(0, null)
                : Criteria.where("revision").is(current.revision());
        Query expected = Query.query(Criteria.where("_id").is(current.id()).and("authorId").is(current.authorId())
                .and("status").in(StoryStatus.DRAFT.name(), StoryStatus.RETURNED.name())
                .andOperator(atRevision));
        Update update = new Update().inc("revision", 1).push("revisions").slice(-Story.MAX_REVISIONS)
                .each(new Story.Revision(current.revision(), current.title(), current.body(), current.kind(),
                        current.tags(), current.visibility(), current.featuresMinors(), current.consentOnFile(), at));
        setIfGiven(update, "title", changes.title());
        setIfGiven(update, "body", changes.body());
        setIfGiven(update, "kind", changes.kind() == null ? null : changes.kind().name());
        setIfGiven(update, "tags", changes.tags());
        setIfGiven(update, "visibility", changes.visibility() == null ? null : changes.visibility().name());
        setIfGiven(update, "featuresMinors", changes.featuresMinors());
        setIfGiven(update, "consentOnFile", changes.consentOnFile());
        return mongo.updateFirst(expected, update, Story.class).getModifiedCount() == 1;
    }

    /** SUBMITTED → PUBLISHED by someone other than its author; false if it was no longer SUBMITTED. */
    boolean publish(String id, String reviewerId, Instant at, OutboxEntry event) {
        Update update = new Update().set("status", StoryStatus.PUBLISHED.name()).set("publishedAt", at)
                .set("publishedBy", reviewerId).set("reviewedBy", reviewerId).set("reviewedAt", at)
                .unset("reviewComment").push(OutboxEntry.FIELD, event);
        return mongo.updateFirst(submitted(id, reviewerId), update, Story.class).getModifiedCount() == 1;
    }

    /** SUBMITTED → RETURNED with the reviewer's comment; false if it was no longer SUBMITTED. */
    boolean returnToAuthor(String id, String reviewerId, String comment, Instant at) {
        Update update = new Update().set("status", StoryStatus.RETURNED.name()).set("reviewComment", comment)
                .set("reviewedBy", reviewerId).set("reviewedAt", at);
        return mongo.updateFirst(submitted(id, reviewerId), update, Story.class).getModifiedCount() == 1;
    }

    /** The author of these stories was erased: the stories stay, their author's name goes. Returns how many. */
    long eraseAuthor(String memberId) {
        return mongo.updateMulti(Query.query(Criteria.where("authorId").is(memberId)),
                new Update().set("authorName", Story.FORMER_MEMBER), Story.class).getModifiedCount();
    }

    /** Published stories {@code caller} may read ({@code null}: anonymous), newest published first. */
    PageResponse<Story> published(Caller caller, Filter filter, PageQuery page) {
        Criteria criteria = filtered(Criteria.where("status").is(StoryStatus.PUBLISHED.name()), filter);
        if (caller == null) {
            criteria.and("visibility").is(Visibility.PUBLIC.name());
        } else if (!caller.isStaff()) {
            List<Criteria> admitted = new ArrayList<>();
            admitted.add(Criteria.where("visibility").in(Visibility.PUBLIC.name(), Visibility.NETWORK.name()));
            if (!caller.chapterIds().isEmpty()) {
                admitted.add(Criteria.where("visibility").is(Visibility.CHAPTER.name())
                        .and("chapterId").in(caller.chapterIds()));
            }
            criteria.orOperator(admitted);
        }
        return page(criteria, NEWEST_PUBLISHED, page);
    }

    /** The author's own stories in any status (or the filter's), newest first. */
    PageResponse<Story> byAuthor(String authorId, Filter filter, PageQuery page) {
        Criteria criteria = filtered(Criteria.where("authorId").is(authorId), filter);
        if (filter.status() != null) {
            criteria.and("status").is(filter.status().name());
        }
        return page(criteria, NEWEST_CREATED, page);
    }

    /**
     * The submitted stories waiting for {@code reviewer}, first submitted first, never their own: {@code CHAPTER}
     * stories of the chapters they lead, and, for staff, {@code NETWORK} and {@code PUBLIC} stories of every chapter.
     */
    PageResponse<Story> reviewQueue(Caller reviewer, Filter filter, PageQuery page) {
        List<Criteria> theirs = new ArrayList<>();
        List<String> led = reviewer.chapters().entrySet().stream().filter(e -> Caller.LEAD.equals(e.getValue()))
                .map(java.util.Map.Entry::getKey).toList();
        if (!led.isEmpty()) {
            theirs.add(Criteria.where("visibility").is(Visibility.CHAPTER.name()).and("chapterId").in(led));
        }
        if (reviewer.isStaff()) {
            theirs.add(Criteria.where("visibility").in(Visibility.NETWORK.name(), Visibility.PUBLIC.name()));
        }
        if (theirs.isEmpty()) {
            return PageResponse.of(List.of(), page, 0);
        }
        Criteria criteria = filtered(Criteria.where("status").is(StoryStatus.SUBMITTED.name())
                .and("authorId").ne(reviewer.memberId()), filter).orOperator(theirs);
        return page(criteria, FIRST_SUBMITTED, page);
    }

    /** The newest {@code limit} PUBLIC published stories, with their bodies only if {@code withBody}. */
    List<Story> latestPublic(int limit, boolean withBody) {
        Query query = Query.query(publicCriteria()).with(NEWEST_PUBLISHED).limit(limit);
        query.fields().exclude(PUBLIC_HIDDEN);
        if (!withBody) {
            query.fields().exclude("body");
        }
        return mongo.find(query, Story.class);
    }

    /**
     * A page of the PUBLIC published stories (with {@code tag}, if not null), newest published first, with their
     * bodies: what the public HTML pages show.
     */
    PageResponse<Story> publicPage(String tag, PageQuery page) {
        Criteria criteria = publicCriteria();
        if (tag != null) {
            criteria.and("tags").is(tag);
        }
        return page(criteria, NEWEST_PUBLISHED, page, PUBLIC_HIDDEN);
    }

    /** The story, if it is PUBLISHED and PUBLIC; nothing else, whatever it is. */
    Optional<Story> publicById(String id) {
        Query query = Query.query(publicCriteria().and("_id").is(id));
        query.fields().exclude(PUBLIC_HIDDEN);
        return Optional.ofNullable(mongo.findOne(query, Story.class));
    }

    private static Criteria publicCriteria() {
        return Criteria.where("status").is(StoryStatus.PUBLISHED.name()).and("visibility")
                .is(Visibility.PUBLIC.name());
    }

    private static Criteria filtered(Criteria criteria, Filter filter) {
        if (filter.chapterId() != null) {
            criteria.and("chapterId").is(filter.chapterId());
        }
        if (filter.kind() != null) {
            criteria.and("kind").is(filter.kind().name());
        }
        if (filter.tag() != null) {
            criteria.and("tags").is(filter.tag());
        }
        return criteria;
    }

    private PageResponse<Story> page(Criteria criteria, Sort sort, PageQuery page) {
        return page(criteria, sort, page, SUMMARY_HIDDEN);
    }

    private PageResponse<Story> page(Criteria criteria, Sort sort, PageQuery page, String[] hidden) {
        long total = mongo.count(new Query(criteria), Story.class);
        if (page.offset() >= total) {
            return PageResponse.of(List.of(), page, total);
        }
        Query slice = new Query(criteria).with(sort).skip(page.offset()).limit(page.size());
        slice.fields().exclude(hidden);
        return PageResponse.of(mongo.find(slice, Story.class), page, total);
    }

    private static Query submitted(String id, String reviewerId) {
        return Query.query(Criteria.where("_id").is(id).and("status").is(StoryStatus.SUBMITTED.name())
                .and("authorId").ne(reviewerId));
    }

    private static void setIfGiven(Update update, String field, Object value) {
        if (value != null) {
            update.set(field, value);
        }
    }
}
