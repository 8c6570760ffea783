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
 * The stories collection. Every review step is one conditional single-document update that names the status it
 * expects, and pushes the event it raises in the same write: two reviewers racing cannot both win.
 */
@Repository
class Stories {

    static final String COLLECTION = "stories";

    private static final Sort NEWEST_PUBLISHED = Sort.by(Sort.Order.desc("publishedAt"), Sort.Order.desc("_id"));
    private static final Sort NEWEST_CREATED = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id"));

    private final MongoTemplate mongo;

    Stories(MongoTemplate mongo) {
        this.mongo = mongo;
        var indexes = mongo.indexOps(COLLECTION);
        // the published listing, by the visibility branch a caller is admitted to ...
        indexes.createIndex(new Index().on("status", Sort.Direction.ASC).on("visibility", Sort.Direction.ASC)
                .on("publishedAt", Sort.Direction.DESC).named("published_by_visibility"));
        // ... filtered by chapter (and the CHAPTER branch: the caller's chapters) ...
        indexes.createIndex(new Index().on("status", Sort.Direction.ASC).on("chapterId", Sort.Direction.ASC)
                .on("publishedAt", Sort.Direction.DESC).named("published_by_chapter"));
        // ... or by kind
        indexes.createIndex(new Index().on("status", Sort.Direction.ASC).on("kind", Sort.Direction.ASC)
                .on("publishedAt", Sort.Direction.DESC).named("published_by_kind"));
        // an author's own stories, any status
        indexes.createIndex(new Index().on("authorId", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC)
                .named("author_stories"));
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

    /** SUBMITTED → PUBLISHED; false if it was no longer SUBMITTED. */
    boolean publish(String id, String reviewerId, Instant at, OutboxEntry event) {
        Query expected = submitted(id);
        Update update = new Update().set("status", StoryStatus.PUBLISHED.name()).set("publishedAt", at)
                .set("publishedBy", reviewerId).set("reviewedBy", reviewerId).set("reviewedAt", at)
                .unset("reviewComment").push(OutboxEntry.FIELD, event);
        return mongo.updateFirst(expected, update, Story.class).getModifiedCount() == 1;
    }

    /** SUBMITTED → RETURNED with the reviewer's comment; false if it was no longer SUBMITTED. */
    boolean returnToAuthor(String id, String reviewerId, String comment, Instant at) {
        Update update = new Update().set("status", StoryStatus.RETURNED.name()).set("reviewComment", comment)
                .set("reviewedBy", reviewerId).set("reviewedAt", at);
        return mongo.updateFirst(submitted(id), update, Story.class).getModifiedCount() == 1;
    }

    /** Published stories {@code caller} may read ({@code null}: anonymous), newest published first. */
    PageResponse<Story> published(Caller caller, String chapterId, StoryKind kind, PageQuery page) {
        Criteria criteria = Criteria.where("status").is(StoryStatus.PUBLISHED.name());
        if (chapterId != null) {
            criteria.and("chapterId").is(chapterId);
        }
        if (kind != null) {
            criteria.and("kind").is(kind.name());
        }
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

    /** The author's own stories in any status, newest first. */
    PageResponse<Story> byAuthor(String authorId, String chapterId, StoryKind kind, PageQuery page) {
        Criteria criteria = Criteria.where("authorId").is(authorId);
        if (chapterId != null) {
            criteria.and("chapterId").is(chapterId);
        }
        if (kind != null) {
            criteria.and("kind").is(kind.name());
        }
        return page(criteria, NEWEST_CREATED, page);
    }

    private PageResponse<Story> page(Criteria criteria, Sort sort, PageQuery page) {
        long total = mongo.count(new Query(criteria), Story.class);
        Query slice = new Query(criteria).with(sort).skip(page.offset()).limit(page.size());
        slice.fields().exclude(OutboxEntry.FIELD, "body");
        return PageResponse.of(mongo.find(slice, Story.class), page, total);
    }

    private static Query submitted(String id) {
        return Query.query(Criteria.where("_id").is(id).and("status").is(StoryStatus.SUBMITTED.name()));
    }
}
