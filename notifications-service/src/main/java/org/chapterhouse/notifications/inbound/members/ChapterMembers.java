package org.chapterhouse.notifications.inbound.members;

import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * This service's own read model of who belongs to which chapter, fed by MemberJoinedChapter (never by reading the
 * members database). A late, older event never overwrites a newer one.
 */
@Component
public class ChapterMembers {

    static final String COLLECTION = "chapter_members";

    private final MongoTemplate mongo;

    ChapterMembers(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("chapterId", Sort.Direction.ASC).named("chapter"));
    }

    void record(MemberJoinedChapter joined, Instant eventTime) {
        String id = joined.chapterId() + "/" + joined.memberId();
        Query olderOrAbsent = Query.query(Criteria.where("_id").is(id).and("eventTime").lt(eventTime));
        Update update = new Update().set("chapterId", joined.chapterId()).set("memberId", joined.memberId())
                .set("role", joined.role()).set("displayName", joined.displayName()).set("eventTime", eventTime);
        try {
            mongo.upsert(olderOrAbsent, update, COLLECTION);
        } catch (DuplicateKeyException newerAlreadyKept) {
            // the stored state is newer than this event: keep it
        }
    }

    /** The ids of the chapter's members. */
    public List<String> memberIds(String chapterId) {
        Query q = Query.query(Criteria.where("chapterId").is(chapterId));
        q.fields().include("memberId");
        return mongo.find(q, Document.class, COLLECTION).stream().map(d -> d.getString("memberId")).toList();
    }
}
