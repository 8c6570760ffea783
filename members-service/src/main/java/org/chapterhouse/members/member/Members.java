package org.chapterhouse.members.member;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.chapterhouse.support.outbox.OutboxEntry;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The members collection. Each change and the events it raises are one atomic single-document write: a
 * compare-and-set on the member's {@code revision}, never on an erased member.
 */
@Repository
public class Members {

    static final String COLLECTION = "members";

    private final MongoTemplate mongo;

    Members(MongoTemplate mongo) {
        this.mongo = mongo;
        var indexes = mongo.indexOps(COLLECTION);
        // the first release had a non-sparse unique index: erased members keep no email, so it must be sparse
        for (IndexInfo info : indexes.getIndexInfo()) {
            if (info.getName().equals("email") && !info.isSparse()) {
                try {
                    indexes.dropIndex("email");
                } catch (RuntimeException raced) {
                    // another instance dropped it first
                }
            }
        }
        indexes.createIndex(new Index().on("email", Sort.Direction.ASC).unique().sparse().named("email"));
        indexes.createIndex(new Index().on("chapters.chapterId", Sort.Direction.ASC)
                .on("displayName", Sort.Direction.ASC).named("chapter_directory"));
        indexes.createIndex(new Index().on("skills", Sort.Direction.ASC)
                .on("displayName", Sort.Direction.ASC).named("skill_directory"));
        indexes.createIndex(new Index().on("profileVisibility", Sort.Direction.ASC)
                .on("displayName", Sort.Direction.ASC).named("visibility_directory"));
    }

    /** @throws org.springframework.dao.DuplicateKeyException if the email is taken */
    Member insert(Member member) {
        return mongo.insert(member);
    }

    /** The member, erased or not. */
    public Optional<Member> byId(String id) {
        return Optional.ofNullable(mongo.findById(id, Member.class));
    }

    Optional<Member> byEmail(String email) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("email").is(email)), Member.class));
    }

    /**
     * Applies {@code update} (with its events) if the member is still at the revision {@code read} has and is not
     * erased, and moves the revision on.
     *
     * @return false if someone changed the member meanwhile (read again and retry) or it is erased
     */
    boolean compareAndSet(Member read, Update update) {
        Criteria revision = read.revision() == 0 ? Criteria.where("revision").exists(false)
                : Criteria.where("revision").is(read.revision());
        Query query = Query.query(Criteria.where("_id").is(read.id()).and("erased").ne(true)
                .andOperator(revision));
        return mongo.updateFirst(query, update.inc("revision", 1), Member.class).getModifiedCount() == 1;
    }

    /** Sets the member's role in a chapter they belong to, with its event; false if they do not belong. */
    boolean changeRole(String memberId, String chapterId, String role, OutboxEntry event) {
        Query in = Query.query(Criteria.where("_id").is(memberId).and("erased").ne(true)
                .and("chapters.chapterId").is(chapterId));
        return mongo.updateFirst(in, new Update().set("chapters.$.role", role).push(OutboxEntry.FIELD, event)
                .inc("revision", 1), Member.class).getMatchedCount() == 1;
    }

    boolean setNetworkRoles(String memberId, List<String> roles) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(memberId).and("erased").ne(true)),
                new Update().set("networkRoles", roles).inc("revision", 1), Member.class).getMatchedCount() == 1;
    }

    /**
     * The directory: members who are not erased and match every given filter, by display name.
     *
     * @param visibleTo null for a caller who sees every profile (STAFF, ADMIN); else only NETWORK profiles, those
     *                  of members sharing one of {@code callerChapters}, and the caller's own
     */
    Page directory(String chapterId, String skill, String text, String visibleTo, List<String> callerChapters,
                   long skip, int limit) {
        List<Criteria> all = new ArrayList<>();
        all.add(Criteria.where("erased").ne(true));
        if (chapterId != null) {
            all.add(Criteria.where("chapters.chapterId").is(chapterId));
        }
        if (skill != null) {
            all.add(Criteria.where("skills").is(skill));
        }
        if (text != null) {
            Pattern contains = Pattern.compile(Pattern.quote(text), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            // members stored before profiles existed have no searchText: match their display name
            all.add(new Criteria().orOperator(Criteria.where("searchText").regex(contains),
                    new Criteria().andOperator(Criteria.where("searchText").exists(false),
                            Criteria.where("displayName").regex(contains))));
        }
        if (visibleTo != null) {
            List<Criteria> visible = new ArrayList<>();
            visible.add(Criteria.where("profileVisibility").is(ProfileVisibility.NETWORK.name()));
            visible.add(Criteria.where("_id").is(visibleTo));
            if (!callerChapters.isEmpty()) {
                visible.add(Criteria.where("chapters.chapterId").in(callerChapters));
            }
            all.add(new Criteria().orOperator(visible));
        }
        Criteria criteria = new Criteria().andOperator(all);
        long total = mongo.count(Query.query(criteria), Member.class);
        Query page = Query.query(criteria).with(Sort.by("displayName", "_id")).skip(skip).limit(limit);
        page.fields().exclude("passwordHash", "searchText", OutboxEntry.FIELD);
        return new Page(mongo.find(page, Member.class), total);
    }

    record Page(List<Member> items, long total) {
    }

    long count() {
        return mongo.estimatedCount(COLLECTION);
    }
}
