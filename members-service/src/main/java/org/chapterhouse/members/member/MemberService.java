package org.chapterhouse.members.member;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.chapterhouse.members.chapter.Chapters;
import org.chapterhouse.members.events.MemberJoinedChapter;
import org.chapterhouse.members.events.MemberRegistered;
import org.chapterhouse.support.outbox.OutboxEntry;
import org.chapterhouse.support.outbox.OutboxRelay;
import org.chapterhouse.support.security.Caller;
import org.chapterhouse.support.web.ApiProblem;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

@Service
public class MemberService {

    private static final Set<String> NETWORK_ROLES = Set.of(Caller.STAFF, Caller.ADMIN);

    private final Members members;
    private final Chapters chapters;
    private final OutboxRelay relay;
    private final MeterRegistry meters;
    private final PasswordEncoder passwords = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    /** compared against when the email is unknown, so both failures take the same time */
    private final String decoyHash = passwords.encode(UUID.randomUUID().toString());

    MemberService(Members members, Chapters chapters, OutboxRelay relay, MeterRegistry meters) {
        this.members = members;
        this.chapters = chapters;
        this.relay = relay;
        this.meters = meters;
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
        List<OutboxEntry> events = new java.util.ArrayList<>();
        events.add(OutboxEntry.of(MemberRegistered.TOPIC, id, chapterId, new MemberRegistered(id, name, chapterId)));
        if (chapterId != null) {
            events.add(OutboxEntry.of(MemberJoinedChapter.TOPIC, id, chapterId,
                    new MemberJoinedChapter(id, chapterId, ChapterRole.VOLUNTEER, name)));
        }
        Member member = new Member(id, normalise(email), passwords.encode(password), name, chapterId, roles,
                networkRoles, Instant.now(), events);
        try {
            members.insert(member);
        } catch (DuplicateKeyException e) {
            throw ApiProblem.conflict("email-taken", "An account with this email already exists");
        }
        meters.counter("members.member.registered").increment();
        relay.wakeUp();
        return member;
    }

    /** The member with these credentials; the same 401 whichever part was wrong. */
    public Member authenticate(String email, String password) {
        Member member = members.byEmail(normalise(email)).orElse(null);
        boolean matches = passwords.matches(password, member == null ? decoyHash : member.passwordHash());
        if (member == null || !matches) {
            meters.counter("members.signin.failed").increment();
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "invalid-credentials", "Invalid credentials",
                    "The email or the password is wrong", null);
        }
        return member;
    }

    Member get(String id) {
        return members.byId(id).orElseThrow(() -> ApiProblem.notFound("Member", id));
    }

    Member join(Caller caller, String chapterId) {
        if (chapters.chapter(chapterId).isEmpty()) {
            throw ApiProblem.notFound("Chapter", chapterId);
        }
        Member me = get(caller.memberId());
        ChapterRole role = new ChapterRole(chapterId, ChapterRole.VOLUNTEER);
        OutboxEntry event = OutboxEntry.of(MemberJoinedChapter.TOPIC, me.id(), chapterId,
                new MemberJoinedChapter(me.id(), chapterId, role.role(), me.displayName()));
        if (members.join(me.id(), role, event)) {
            relay.wakeUp();
        }
        return get(me.id());
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

    private static String normalise(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
