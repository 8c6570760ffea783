package org.chapterhouse.members.member;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.chapterhouse.members.chapter.Chapters;
import org.chapterhouse.members.events.MemberErased;
import org.chapterhouse.members.events.MemberJoinedChapter;
import org.chapterhouse.members.events.MemberProfileUpdated;
import org.chapterhouse.members.events.MemberRegistered;
import org.chapterhouse.support.outbox.OutboxEntry;
import org.chapterhouse.support.outbox.OutboxRelay;
import org.chapterhouse.support.security.Caller;
import org.chapterhouse.support.web.ApiProblem;
import org.chapterhouse.support.web.PageQuery;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

@Service
public class MemberService {

    private static final Set<String> NETWORK_ROLES = Set.of(Caller.STAFF, Caller.ADMIN);
    private static final int ATTEMPTS = 5;
    /** every field an erased member's document loses */
    private static final List<String> PERSONAL_FIELDS = List.of("email", "passwordHash", "displayName",
            "homeChapterId", "chapters", "networkRoles", "createdAt", "bio", "skills", "programs", "availability",
            "profileVisibility", "searchText");

    private final Members members;
    private final Chapters chapters;
    private final OutboxRelay relay;
    private final MeterRegistry meters;
    private final SignInThrottle throttle;
    private final PasswordEncoder passwords = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    /** compared against when the email is unknown, so both failures take the same time */
    private final String decoyHash = passwords.encode(UUID.randomUUID().toString());

    MemberService(Members members, Chapters chapters, OutboxRelay relay, MeterRegistry meters,
                  SignInThrottle throttle) {
        this.members = members;
        this.chapters = chapters;
        this.relay = relay;
        this.meters = meters;
        this.throttle = throttle;
    }

    Member register(String email, String password, String displayName, String chapterId) {
        if (chapters.chapter(chapterId).isEmpty()) {
            throw ApiProblem.badRequest("unknown-chapter", "There is no chapter '" + chapterId + "'");
        }
        return create(email, password, displayName, chapterId, Set.of());
    }

    Member create(String email, String password, String displayName, String chapterId, Set<String> networkRoles) {
        String id = UUID.randomUUID().toString();
        String name = displayName.strip();
        List<ChapterRole> roles = chapterId == null ? List.of() : List.of(new ChapterRole(chapterId, ChapterRole.VOLUNTEER));
        List<OutboxEntry> events = new ArrayList<>();
        events.add(OutboxEntry.of(MemberRegistered.TOPIC, id, chapterId, new MemberRegistered(id, name, chapterId)));
        if (chapterId != null) {
            events.add(OutboxEntry.of(MemberJoinedChapter.TOPIC, id, chapterId,
                    new MemberJoinedChapter(id, chapterId, ChapterRole.VOLUNTEER, name)));
        }
        Member member = new Member(id, normalise(email), passwords.encode(password), name, chapterId, roles,
                networkRoles, Instant.now(), null, List.of(), List.of(), null, ProfileVisibility.CHAPTER,
                searchText(name, null, List.of()), 1L, false, null, List.of());
        events.add(profileEvent(member));
        member = member.withOutbox(events);
        try {
            members.insert(member);
        } catch (DuplicateKeyException e) {
            throw ApiProblem.conflict("email-taken", "An account with this email already exists");
        }
        meters.counter("members.member.registered").increment();
        relay.wakeUp();
        return member;
    }

    /**
     * The member with these credentials; the same 401 whichever part was wrong (an erased member has no email, so
     * it fails like an unknown one), and 429 once the email or the client address has failed too often.
     */
    public Member authenticate(String email, String password, String clientIp) {
        String normalised = normalise(email);
        throttle.check(normalised, clientIp);
        Member member = members.byEmail(normalised).orElse(null);
        boolean matches = passwords.matches(password, member == null ? decoyHash : member.passwordHash());
        if (member == null || !matches) {
            meters.counter("members.signin.failed").increment();
            throttle.failed(normalised, clientIp);
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "invalid-credentials", "Invalid credentials",
                    "The email or the password is wrong", null);
        }
        throttle.succeeded(normalised);
        return member;
    }

    /** A member who is not erased, or 404. */
    Member get(String id) {
        return members.byId(id).filter(m -> !m.isErased()).orElseThrow(() -> ApiProblem.notFound("Member", id));
    }

    /** The caller's own account; 401 if it no longer exists (erased since the token was issued). */
    Member self(Caller caller) {
        return members.byId(caller.memberId()).filter(m -> !m.isErased()).orElseThrow(() -> new ApiProblem(
                HttpStatus.UNAUTHORIZED, "account-erased", "Unauthorized",
                "The account this token was issued for no longer exists", null));
    }

    /** Whether the caller may see this member's profile: themselves, STAFF/ADMIN, NETWORK, or a shared chapter. */
    static boolean canSee(Caller caller, Member member) {
        if (member.isErased()) {
            return false;
        }
        return caller.memberId().equals(member.id()) || caller.isStaff()
                || member.profileVisibility() == ProfileVisibility.NETWORK
                || member.chapters().stream().anyMatch(c -> caller.isMemberOf(c.chapterId()));
    }

    Member visibleTo(Caller caller, String id) {
        Member member = members.byId(id).orElse(null);
        if (member == null || !canSee(caller, member)) {
            throw ApiProblem.notFound("Member", id);
        }
        return member;
    }

    /** Changes the caller's profile (null fields stay as they are) and raises MemberProfileUpdated if it changed. */
    Member updateProfile(Caller caller, ProfileChange change) {
        List<String> skills = change.skills() == null ? null : Slugs.slugs("skill", change.skills());
        List<String> programs = change.programs() == null ? null : Slugs.slugs("program", change.programs());
        return mutate(caller, me -> {
            String name = change.displayName() == null ? me.displayName() : change.displayName().strip();
            String bio = change.bio() == null ? me.bio() : blankToNull(change.bio().strip());
            List<String> newSkills = skills == null ? me.skills() : skills;
            List<String> newPrograms = programs == null ? me.programs() : programs;
            String availability = change.availability() == null ? me.availability()
                    : blankToNull(change.availability().strip());
            ProfileVisibility visibility = change.profileVisibility() == null ? me.profileVisibility()
                    : change.profileVisibility();
            if (name.equals(me.displayName()) && Objects.equals(bio, me.bio()) && newSkills.equals(me.skills())
                    && newPrograms.equals(me.programs()) && Objects.equals(availability, me.availability())
                    && visibility == me.profileVisibility()) {
                return null; // nothing changes, nothing is raised
            }
            Member changed = new Member(me.id(), me.email(), me.passwordHash(), name, me.homeChapterId(),
                    me.chapters(), me.networkRoles(), me.createdAt(), bio, newSkills, newPrograms, availability,
                    visibility, searchText(name, bio, newSkills), me.revision(), false, null, List.of());
            Update update = new Update().set("displayName", name).set("skills", newSkills)
                    .set("programs", newPrograms).set("profileVisibility", visibility.name())
                    .set("searchText", changed.searchText());
            setOrUnset(update, "bio", bio);
            setOrUnset(update, "availability", availability);
            return update.push(OutboxEntry.FIELD, profileEvent(changed));
        });
    }

    Members.Page directory(Caller caller, String chapterId, String skill, String q, PageQuery page) {
        String skillSlug = null;
        if (skill != null && !skill.isBlank()) {
            skillSlug = Slugs.slug(skill);
            if (skillSlug.isEmpty()) {
                throw ApiProblem.badRequest("invalid-parameter", "Parameter 'skill' needs a letter or digit");
            }
        }
        String text = q == null || q.isBlank() ? null : q.strip().toLowerCase(Locale.ROOT);
        if (text != null && text.length() > 100) {
            throw ApiProblem.badRequest("invalid-parameter", "Parameter 'q' is at most 100 characters");
        }
        String chapter = chapterId == null || chapterId.isBlank() ? null : chapterId.strip();
        return members.directory(chapter, skillSlug, text, caller.isStaff() ? null : caller.memberId(),
                caller.chapterIds(), page.offset(), page.size());
    }

    /**
     * Erases a member: one update turns the document into a tombstone ({@code _id, erased, erasedAt}) and queues
     * MemberErased and the last MemberProfileUpdated with it. Erasing an erased member changes nothing.
     *
     * @return false if the member was already erased
     */
    boolean erase(Caller caller, String id) {
        if (!caller.memberId().equals(id) && !caller.isAdmin()) {
            throw ApiProblem.forbidden("Only the member themselves or an ADMIN erases a member");
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Member member = members.byId(id).orElseThrow(() -> ApiProblem.notFound("Member", id));
            if (member.isErased()) {
                return false;
            }
            Instant now = Instant.now();
            String chapterId = member.homeChapterId();
            Update update = new Update();
            PERSONAL_FIELDS.forEach(update::unset);
            update.set("erased", true).set("erasedAt", now);
            update.push(OutboxEntry.FIELD).each(
                    OutboxEntry.of(MemberErased.TOPIC, id, chapterId, new MemberErased(id, now, member.chapterIds())),
                    OutboxEntry.of(MemberProfileUpdated.TOPIC, id, chapterId, MemberProfileUpdated.erased(id)));
            if (members.compareAndSet(member, update)) {
                if (member.email() != null) {
                    throttle.forget(member.email());
                }
                meters.counter("members.member.erased").increment();
                relay.wakeUp();
                return true;
            }
        }
        throw ApiProblem.conflict("concurrent-modification", "The member changed meanwhile; try again");
    }

    Member join(Caller caller, String chapterId) {
        if (chapters.chapter(chapterId).isEmpty()) {
            throw ApiProblem.notFound("Chapter", chapterId);
        }
        return mutate(caller, me -> {
            if (me.isMemberOf(chapterId)) {
                return null; // joining twice changes nothing and raises nothing
            }
            ChapterRole role = new ChapterRole(chapterId, ChapterRole.VOLUNTEER);
            List<ChapterRole> roles = new ArrayList<>(me.chapters());
            roles.add(role);
            Member joined = me.withChapters(roles);
            Update update = new Update().push("chapters", role);
            update.push(OutboxEntry.FIELD).each(
                    OutboxEntry.of(MemberJoinedChapter.TOPIC, me.id(), chapterId,
                            new MemberJoinedChapter(me.id(), chapterId, role.role(), me.displayName())),
                    profileEvent(joined));
            return update;
        });
    }

    Member changeRole(Caller caller, String chapterId, String memberId, String role) {
        if (!caller.isAdmin() && !caller.isLeadOf(chapterId)) {
            throw ApiProblem.forbidden("Only a lead of this chapter or an ADMIN changes roles in it");
        }
        if (!ChapterRole.ROLES.contains(role)) {
            throw ApiProblem.badRequest("invalid-role", "role must be one of " + ChapterRole.ROLES);
        }
        Member member = get(memberId);
        if (role.equals(member.chapterRoles().get(chapterId))) {
            return member; // already so: no change, no event
        }
        OutboxEntry event = OutboxEntry.of(MemberJoinedChapter.TOPIC, memberId, chapterId,
                new MemberJoinedChapter(memberId, chapterId, role, member.displayName()));
        if (!members.changeRole(memberId, chapterId, role, event)) {
            throw ApiProblem.conflict("not-a-member", "The member has not joined chapter '" + chapterId + "'");
        }
        relay.wakeUp();
        return get(memberId);
    }

    Member setNetworkRoles(Caller caller, String memberId, List<String> roles) {
        if (!caller.isAdmin()) {
            throw ApiProblem.forbidden("Only an ADMIN grants network roles");
        }
        if (!NETWORK_ROLES.containsAll(roles)) {
            throw ApiProblem.badRequest("invalid-role", "roles must be among " + NETWORK_ROLES);
        }
        if (!members.setNetworkRoles(memberId, roles.stream().distinct().sorted().toList())) {
            throw ApiProblem.notFound("Member", memberId);
        }
        return get(memberId);
    }

    boolean emailTaken(String email) {
        return members.byEmail(normalise(email)).isPresent();
    }

    /**
     * Reads the caller's member, lets {@code change} compute the update (null: nothing to do), and applies it by
     * compare-and-set on the revision, reading again when someone else changed the member meanwhile.
     */
    private Member mutate(Caller caller, Function<Member, Update> change) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Member me = self(caller);
            Update update = change.apply(me);
            if (update == null) {
                return me;
            }
            if (members.compareAndSet(me, update)) {
                relay.wakeUp();
                return self(caller);
            }
        }
        throw ApiProblem.conflict("concurrent-modification", "Your account changed meanwhile; try again");
    }

    private static OutboxEntry profileEvent(Member m) {
        return OutboxEntry.of(MemberProfileUpdated.TOPIC, m.id(), m.homeChapterId(),
                new MemberProfileUpdated(m.id(), m.displayName(), m.skills(), m.programs(),
                        m.profileVisibility().name(), m.chapterIds(), false));
    }

    /** What the directory's {@code q} searches: display name, bio and skills (also with spaces), lower case. */
    static String searchText(String displayName, String bio, List<String> skills) {
        StringBuilder text = new StringBuilder(displayName);
        if (bio != null) {
            text.append('\n').append(bio);
        }
        for (String skill : skills) {
            text.append('\n').append(skill).append('\n').append(skill.replace('-', ' '));
        }
        return text.toString().toLowerCase(Locale.ROOT);
    }

    private static void setOrUnset(Update update, String field, String value) {
        if (value == null) {
            update.unset(field);
        } else {
            update.set(field, value);
        }
    }

    private static String blankToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    private static String normalise(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
