package org.chapterhouse.notifications.inbound.members;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
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
 * This service's own read model of who belongs to which chapter and in which role, fed by MemberJoinedChapter
 * (never by reading the members database). A late, older event never overwrites a newer one. It answers the
 * visibility questions of routing: who may see a CHAPTER item (its chapter's members) and a NETWORK one (any member).
 */
@Component
public class ChapterMembers {

    public static final String MENTOR = "MENTOR";
    public static final String LEAD = "CHAPTER_LEAD";
    static final String COLLECTION = "chapter_members";

    private final MongoTemplate mongo;

    ChapterMembers(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("chapterId", Sort.Direction.ASC).named("chapter"));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("memberId", Sort.Direction.ASC).named("member"));
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

    void forget(String memberId) {
        mongo.remove(Query.query(Criteria.where("memberId").is(memberId)), COLLECTION);
    }

    /** The ids of the chapter's members. */
    public List<String> memberIds(String chapterId) {
        return ids(Criteria.where("chapterId").is(chapterId));
    }

    /** The chapter's members holding {@code role} there. */
    public List<String> withRole(String chapterId, String role) {
        return ids(Criteria.where("chapterId").is(chapterId).and("role").is(role));
    }

    /**
     * Of {@code candidates}, those who may see an item of {@code chapterId} with {@code visibility}: members of that
     * chapter for CHAPTER, any known member for NETWORK or PUBLIC.
     */
    public Set<String> whoMaySee(Collection<String> candidates, String chapterId, String visibility) {
        if (candidates.isEmpty()) {
            return Set.of();
        }
        Criteria c = Criteria.where("memberId").in(candidates);
        if (!"NETWORK".equals(visibility) && !"PUBLIC".equals(visibility)) {
            c = c.and("chapterId").is(chapterId);
        }
        return Set.copyOf(ids(c));
    }

    /** Of {@code candidates}, those holding {@code role} in {@code chapterId}, or in any chapter if it is null. */
    public Set<String> holdingRole(Collection<String> candidates, String role, String chapterId) {
        if (candidates.isEmpty()) {
            return Set.of();
        }
        Criteria c = Criteria.where("memberId").in(candidates).and("role").is(role);
        if (chapterId != null) {
            c = c.and("chapterId").is(chapterId);
        }
        return Set.copyOf(ids(c));
    }

    private List<String> ids(Criteria c) {
        Query q = Query.query(c);
        q.fields().include("memberId");
        return mongo.find(q, Document.class, COLLECTION).stream().map(d -> d.getString("memberId")).distinct()
                .collect(Collectors.toList());
    }
}
