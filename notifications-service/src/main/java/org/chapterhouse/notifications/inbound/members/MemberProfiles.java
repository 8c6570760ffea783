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
 * Display names and skills, from the compacted members.member-profile-updated.v1 topic. A late, older record never
 * overwrites a newer one; an {@code erased} record removes the member.
 */
@Component
public class MemberProfiles {

    static final String COLLECTION = "member_profiles";
    private final MongoTemplate mongo;

    MemberProfiles(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("skills", Sort.Direction.ASC).named("skills"));
    }

    void record(MemberProfileUpdated p, Instant eventTime) {
        Query olderOrAbsent = Query.query(Criteria.where("_id").is(p.memberId()).and("eventTime").lt(eventTime));
        Update update = new Update().set("displayName", p.displayName())
                .set("skills", p.skills() == null ? List.of() : p.skills()).set("eventTime", eventTime);
        try {
            mongo.upsert(olderOrAbsent, update, COLLECTION);
        } catch (DuplicateKeyException newerAlreadyKept) {
            // the stored profile is newer than this record: keep it
        }
    }

    void forget(String memberId) {
        mongo.remove(Query.query(Criteria.where("_id").is(memberId)), COLLECTION);
    }

    /** Members having at least one of the skills. */
    public Set<String> withAnySkill(Collection<String> skills) {
        if (skills.isEmpty()) {
            return Set.of();
        }
        Query q = Query.query(Criteria.where("skills").in(skills));
        q.fields().include("_id");
        return mongo.find(q, Document.class, COLLECTION).stream().map(d -> d.getString("_id"))
                .collect(Collectors.toSet());
    }
}
