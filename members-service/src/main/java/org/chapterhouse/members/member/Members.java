package org.chapterhouse.members.member;

import java.util.List;
import java.util.Optional;
import org.chapterhouse.support.outbox.OutboxEntry;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** The members collection. Each change and the events it raises are one atomic single-document write. */
@Repository
public class Members {

    static final String COLLECTION = "members";

    private final MongoTemplate mongo;

    Members(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("email", Sort.Direction.ASC).unique().named("email"));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("chapters.chapterId", Sort.Direction.ASC)
                .on("displayName", Sort.Direction.ASC).named("chapter_directory"));
    }

    /** @throws org.springframework.dao.DuplicateKeyException if the email is taken */
    Member insert(Member member) {
        return mongo.insert(member);
    }

    public Optional<Member> byId(String id) {
        return Optional.ofNullable(mongo.findById(id, Member.class));
    }

    Optional<Member> byEmail(String email) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("email").is(email)), Member.class));
    }

    /** Adds the chapter with its event unless the member is already in it; false if they were. */
    boolean join(String memberId, ChapterRole role, OutboxEntry event) {
        Query notYet = Query.query(Criteria.where("_id").is(memberId).and("chapters.chapterId").ne(role.chapterId()));
        return mongo.updateFirst(notYet, new Update().push("chapters", role).push(OutboxEntry.FIELD, event),
                Member.class).getModifiedCount() == 1;
    }

    /** Sets the member's role in a chapter they belong to, with its event; false if they do not belong. */
    boolean changeRole(String memberId, String chapterId, String role, OutboxEntry event) {
        Query in = Query.query(Criteria.where("_id").is(memberId).and("chapters.chapterId").is(chapterId));
        return mongo.updateFirst(in, new Update().set("chapters.$.role", role).push(OutboxEntry.FIELD, event),
                Member.class).getMatchedCount() == 1;
    }

    boolean setNetworkRoles(String memberId, List<String> roles) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(memberId)),
                new Update().set("networkRoles", roles), Member.class).getMatchedCount() == 1;
    }

    List<Member> inChapter(String chapterId, int skip, int limit) {
        Query q = Query.query(Criteria.where("chapters.chapterId").is(chapterId))
                .with(Sort.by("displayName", "_id")).skip(skip).limit(limit);
        q.fields().exclude("passwordHash", OutboxEntry.FIELD);
        return mongo.find(q, Member.class);
    }

    long countInChapter(String chapterId) {
        return mongo.count(Query.query(Criteria.where("chapters.chapterId").is(chapterId)), Member.class);
    }

    long count() {
        return mongo.estimatedCount(COLLECTION);
    }
}
