package org.chapterhouse.members.member;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.chapterhouse.support.security.Caller;
import org.chapterhouse.support.web.ApiProblem;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class MemberController {

    private final MemberService members;

    MemberController(MemberService members) {
        this.members = members;
    }

    record Register(@NotBlank @Email @Size(max = 254) String email,
                    @NotBlank @Size(min = 10, max = 128) String password,
                    @NotBlank @Size(max = 80) String displayName,
                    @NotBlank String chapterId) {
    }

    record RoleChange(@NotBlank String role) {
    }

    record NetworkRoles(@NotNull @Size(max = 2) List<@NotBlank String> roles) {
    }

    /** A member as others see them. */
    record MemberView(String id, String displayName, String homeChapterId, List<ChapterRole> chapters,
                      Set<String> roles, Instant createdAt) {
        static MemberView of(Member m) {
            return new MemberView(m.id(), m.displayName(), m.homeChapterId(), m.chapters(), m.networkRoles(),
                    m.createdAt());
        }
    }

    /** A member as they see themselves. */
    record Me(String id, String email, String displayName, String homeChapterId, List<ChapterRole> chapters,
              Set<String> roles, Instant createdAt) {
        static Me of(Member m) {
            return new Me(m.id(), m.email(), m.displayName(), m.homeChapterId(), m.chapters(), m.networkRoles(),
                    m.createdAt());
        }
    }

    @PostMapping("/auth/register")
    ResponseEntity<Me> register(@Valid @RequestBody Register request) {
        Member member = members.register(request.email(), request.password(), request.displayName(),
                request.chapterId());
        return ResponseEntity.created(URI.create("/api/v1/members/" + member.id())).body(Me.of(member));
    }

    @GetMapping("/members/me")
    Me me(Caller caller) {
        return Me.of(members.get(caller.memberId()));
    }

    @GetMapping("/members/{id}")
    MemberView member(Caller caller, @PathVariable String id) {
        Member member = members.get(id);
        boolean shareAChapter = member.chapters().stream().anyMatch(c -> caller.isMemberOf(c.chapterId()));
        if (!shareAChapter && !caller.isStaff() && !caller.memberId().equals(id)) {
            throw ApiProblem.notFound("Member", id);
        }
        return MemberView.of(member);
    }

    @PostMapping("/chapters/{chapterId}/members")
    Me join(Caller caller, @PathVariable String chapterId) {
        return Me.of(members.join(caller, chapterId));
    }

    @PutMapping("/chapters/{chapterId}/members/{memberId}/role")
    MemberView role(Caller caller, @PathVariable String chapterId, @PathVariable String memberId,
                    @Valid @RequestBody RoleChange request) {
        return MemberView.of(members.changeRole(caller, chapterId, memberId, request.role()));
    }

    @PutMapping("/members/{memberId}/roles")
    MemberView networkRoles(Caller caller, @PathVariable String memberId, @Valid @RequestBody NetworkRoles request) {
        return MemberView.of(members.setNetworkRoles(caller, memberId, request.roles()));
    }
}
