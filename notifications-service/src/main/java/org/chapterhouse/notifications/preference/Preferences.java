package org.chapterhouse.notifications.preference;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.chapterhouse.notifications.inbound.members.MemberData;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Members' notification preferences, one document per member ({@code _id} = memberId). The notification email
 * address is set by the member here and kept only here: events never carry email addresses. The document also
 * holds, per digest frequency, the last period a digest was claimed for ({@code digestPeriods.DAILY = "2026-12-01"}),
 * so that claiming a period is one compare-and-set and a digest goes out at most once per period per member, however
 * many instances run.
 */
@Service
public class Preferences implements MemberData {

    static final String COLLECTION = "notification_preferences";
    public static final EmailFrequency DEFAULT_FREQUENCY = EmailFrequency.DAILY;

    private final MongoTemplate mongo;

    Preferences(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("digestModes", Sort.Direction.ASC).named("digest"));
    }

    /** A member's preferences; {@code kinds} overrides {@code emailFrequency} for some notification kinds. */
    public record Preference(String memberId, String email, EmailFrequency emailFrequency,
                             Map<String, EmailFrequency> kinds) {

        public EmailFrequency frequencyOf(String kind) {
            return kinds.getOrDefault(kind, emailFrequency);
        }

        Set<EmailFrequency> digestModes() {
            Set<EmailFrequency> all = EnumSet.of(emailFrequency);
            all.addAll(kinds.values());
            all.retainAll(EnumSet.of(EmailFrequency.DAILY, EmailFrequency.WEEKLY));
            return all;
        }
    }

    public Preference of(String memberId) {
        Document d = mongo.findById(memberId, Document.class, COLLECTION);
        return d == null ? new Preference(memberId, null, DEFAULT_FREQUENCY, Map.of()) : read(d);
    }

    void replace(Preference p) {
        mongo.upsert(Query.query(Criteria.where("_id").is(p.memberId())), new Update().set("email", p.email())
                .set("emailFrequency", p.emailFrequency().name())
                .set("kinds", p.kinds().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                        e -> e.getValue().name(), (a, b) -> a, LinkedHashMap::new)))
                .set("digestModes", p.email() == null ? List.of()
                        : p.digestModes().stream().map(Enum::name).toList())
                .set("updatedAt", Instant.now()), COLLECTION);
    }

    /** Of the recipients, those who have an email address and want {@code kind} mailed at once. */
    public Set<String> wantingInstantMail(Collection<String> recipients, String kind) {
        if (recipients.isEmpty()) {
            return Set.of();
        }
        Query q = Query.query(Criteria.where("_id").in(recipients).and("email").ne(null));
        Map<String, Preference> found = new HashMap<>();
        mongo.find(q, Document.class, COLLECTION).forEach(d -> found.put(d.getString("_id"), read(d)));
        return found.values().stream().filter(p -> p.frequencyOf(kind) == EmailFrequency.INSTANT)
                .map(Preference::memberId).collect(Collectors.toSet());
    }

    /** Members with an email address who want a {@code mode} digest and have none claimed for {@code period}. */
    public List<Preference> dueForDigest(EmailFrequency mode, String period, int limit) {
        Query q = Query.query(Criteria.where("digestModes").is(mode.name())
                .and("digestPeriods." + mode.name()).ne(period)).limit(limit);
        return mongo.find(q, Document.class, COLLECTION).stream().map(Preferences::read).toList();
    }

    /**
     * Claims the member's {@code mode} digest for {@code period}: true for exactly one caller, however many instances
     * try (compare-and-set on the stored period). Returns the previously claimed period through the holder.
     */
    public Claim claimDigest(String memberId, EmailFrequency mode, String period) {
        String field = "digestPeriods." + mode.name();
        Document before = mongo.findAndModify(Query.query(Criteria.where("_id").is(memberId).and(field).ne(period)),
                new Update().set(field, period), FindAndModifyOptions.options().returnNew(false), Document.class,
                COLLECTION);
        if (before == null) {
            return null;
        }
        Document periods = before.get("digestPeriods", Document.class);
        return new Claim(memberId, mode, period, periods == null ? null : periods.getString(mode.name()));
    }

    /** Gives a claim back (the digest could not be sent), so that a later run retries the period. */
    public void release(Claim claim) {
        String field = "digestPeriods." + claim.mode().name();
        Update undo = claim.previous() == null ? new Update().unset(field) : new Update().set(field, claim.previous());
        mongo.updateFirst(Query.query(Criteria.where("_id").is(claim.memberId()).and(field).is(claim.period())),
                undo, COLLECTION);
    }

    public record Claim(String memberId, EmailFrequency mode, String period, String previous) {
    }

    @Override
    public void erase(String memberId) {
        mongo.remove(Query.query(Criteria.where("_id").is(memberId)), COLLECTION);
    }

    private static Preference read(Document d) {
        Map<String, EmailFrequency> kinds = new LinkedHashMap<>();
        Document k = d.get("kinds", Document.class);
        if (k != null) {
            k.forEach((kind, f) -> kinds.put(kind, EmailFrequency.valueOf(String.valueOf(f))));
        }
        String f = d.getString("emailFrequency");
        return new Preference(d.getString("_id"), d.getString("email"),
                f == null ? DEFAULT_FREQUENCY : EmailFrequency.valueOf(f), Map.copyOf(kinds));
    }
}
