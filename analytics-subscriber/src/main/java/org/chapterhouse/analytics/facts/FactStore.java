package org.chapterhouse.analytics.facts;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Repository;

/**
 * The {@code facts} collection: one document per event, {@code _id} = the CloudEvents {@code id}. A fact is written
 * with an upsert that only sets fields on insert, so storing the same event again (a redelivery, a replay, a restart
 * before the offset was committed) changes nothing. The queries are plain finds; every figure is computed in Java from
 * what they return.
 */
@Repository
public class FactStore {

    static final String COLLECTION = "facts";
    /** How many ids go into one {@code $in}. */
    private static final int CHUNK = 500;

    private final MongoTemplate mongo;

    FactStore(MongoTemplate mongo) {
        this.mongo = mongo;
        var indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index().on("type", Sort.Direction.ASC).on("chapterId", Sort.Direction.ASC)
                .on("time", Sort.Direction.ASC).named("type_chapter_time"));
        indexes.createIndex(new Index().on("type", Sort.Direction.ASC).on("time", Sort.Direction.ASC)
                .named("type_time"));
        indexes.createIndex(new Index().on("questionId", Sort.Direction.ASC).on("type", Sort.Direction.ASC)
                .named("question_type"));
        indexes.createIndex(new Index().on("memberId", Sort.Direction.ASC).on("type", Sort.Direction.ASC)
                .named("member_type"));
        indexes.createIndex(new Index().on("time", Sort.Direction.DESC).named("time"));
    }

    /**
     * Stores the fact unless one with its id is already there; {@code true} if it was new. An erased member's
     * display name is never stored: a MemberErased removes it from every fact about them (every time it is read, so
     * a replay that brings their older facts back in another order ends the same way), and member facts arriving
     * after it are stored without it.
     */
    public boolean store(Fact fact) {
        boolean fresh = insert(fact.displayName() != null && erased(fact.memberId()) ? withoutName(fact) : fact);
        if (fact.type() == FactType.MEMBER_ERASED) {
            facts().updateMany(Filters.and(Filters.eq("memberId", fact.memberId()), Filters.exists("displayName")),
                    new Document("$unset", new Document("displayName", "")));
        }
        return fresh;
    }

    private boolean erased(String memberId) {
        return memberId != null && facts().countDocuments(Filters.and(Filters.eq("memberId", memberId),
                Filters.eq("type", FactType.MEMBER_ERASED.cloudEventsType()))) > 0;
    }

    private static Fact withoutName(Fact f) {
        return new Fact(f.id(), f.type(), f.chapterId(), f.time(), f.questionId(), f.answerId(), f.memberId(),
                f.authorId(), f.answerAuthorId(), f.acceptedBy(), f.questionAuthorId(), f.homeChapterId(), null);
    }

    private boolean insert(Fact fact) {
        Document fields = new Document();
        fields.put("type", fact.type().cloudEventsType());
        fields.put("time", Date.from(fact.time()));
        putIfPresent(fields, "chapterId", fact.chapterId());
        putIfPresent(fields, "questionId", fact.questionId());
        putIfPresent(fields, "answerId", fact.answerId());
        putIfPresent(fields, "memberId", fact.memberId());
        putIfPresent(fields, "authorId", fact.authorId());
        putIfPresent(fields, "answerAuthorId", fact.answerAuthorId());
        putIfPresent(fields, "acceptedBy", fact.acceptedBy());
        putIfPresent(fields, "questionAuthorId", fact.questionAuthorId());
        putIfPresent(fields, "homeChapterId", fact.homeChapterId());
        putIfPresent(fields, "displayName", fact.displayName());
        try {
            return facts().updateOne(Filters.eq("_id", fact.id()), new Document("$setOnInsert", fields),
                    new UpdateOptions().upsert(true)).getUpsertedId() != null;
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                return false; // a concurrent upsert of the same event won the race: it is stored once
            }
            throw e;
        }
    }

    /**
     * The facts of {@code types} whose time is in {@code [from, to)} (either bound may be null: open), of one chapter
     * or (null) of all.
     */
    public List<Fact> ofTypesBetween(Collection<FactType> types, String chapterId, Instant from, Instant to) {
        List<Bson> filters = new ArrayList<>();
        filters.add(Filters.in("type", types.stream().map(FactType::cloudEventsType).toList()));
        if (chapterId != null) {
            filters.add(Filters.eq("chapterId", chapterId));
        }
        if (from != null) {
            filters.add(Filters.gte("time", Date.from(from)));
        }
        if (to != null) {
            filters.add(Filters.lt("time", Date.from(to)));
        }
        return find(Filters.and(filters));
    }

    /** The facts of {@code types} about any of {@code questionIds}, whenever they happened. */
    public List<Fact> ofTypesAboutQuestions(Collection<FactType> types, Collection<String> questionIds) {
        return inChunks("questionId", types, questionIds);
    }

    /** The facts of {@code types} about any of {@code memberIds}. */
    public List<Fact> ofTypesAboutMembers(Collection<FactType> types, Collection<String> memberIds) {
        return inChunks("memberId", types, memberIds);
    }

    public long count() {
        return facts().countDocuments();
    }

    /** The latest event time of any stored fact. */
    public Optional<Instant> lastEventTime() {
        Document latest = facts().find().sort(Sorts.descending("time")).limit(1).first();
        return Optional.ofNullable(latest).map(d -> d.getDate("time").toInstant());
    }

    private List<Fact> inChunks(String field, Collection<FactType> types, Collection<String> ids) {
        List<String> typeNames = types.stream().map(FactType::cloudEventsType).toList();
        List<String> all = List.copyOf(ids);
        List<Fact> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + CHUNK));
            out.addAll(find(Filters.and(Filters.in(field, chunk), Filters.in("type", typeNames))));
        }
        return out;
    }

    private List<Fact> find(Bson filter) {
        List<Fact> out = new ArrayList<>();
        for (Document d : facts().find(filter)) {
            FactType.ofCloudEventsType(d.getString("type")).ifPresent(type -> out.add(toFact(type, d)));
        }
        return out;
    }

    private static Fact toFact(FactType type, Document d) {
        return new Fact(d.getString("_id"), type, d.getString("chapterId"), d.getDate("time").toInstant(),
                d.getString("questionId"), d.getString("answerId"), d.getString("memberId"), d.getString("authorId"),
                d.getString("answerAuthorId"), d.getString("acceptedBy"), d.getString("questionAuthorId"),
                d.getString("homeChapterId"), d.getString("displayName"));
    }

    private static void putIfPresent(Document d, String key, String value) {
        if (value != null) {
            d.put(key, value);
        }
    }

    private MongoCollection<Document> facts() {
        return mongo.getCollection(COLLECTION);
    }
}
