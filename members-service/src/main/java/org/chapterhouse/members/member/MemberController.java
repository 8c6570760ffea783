package org.chapterhouse.members.member;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import org.chapterhouse.support.web.Markdown;
import org.chapterhouse.support.web.PageQuery;
import org.chapterhouse.support.web.PageResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "members", description = "Registration, profiles, the member directory, roles and erasure")
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

    /** A member as others see them; {@code email} only for an ADMIN. */
    @Schema(description = "A member as others see them; email is present only for an ADMIN")
    record MemberView(String id, @JsonInclude(JsonInclude.Include.NON_NULL) String email, String displayName,
                      String homeChapterId, List<ChapterRole> chapters, Set<String> roles, String bio, String bioHtml,
                      List<String> skills, List<String> programs, String availability,
                      ProfileVisibility profileVisibility, Instant createdAt) {
        static MemberView of(Member m) {
            return of(m, false);
        }

        static MemberView of(Member m, boolean withEmail) {
            return new MemberView(m.id(), withEmail ? m.email() : null, m.displayName(), m.homeChapterId(),
                    m.chapters(), m.networkRoles(), m.bio(), Markdown.toSafeHtml(m.bio()), m.skills(), m.programs(),
                    m.availability(), m.profileVisibility(), m.createdAt());
        }

        static MemberView forCaller(Caller caller, Member m) {
            return of(m, caller.isAdmin() || caller.memberId().equals(m.id()));
        }
    }

    /** A member as they see themselves. */
    @Schema(description = "The caller's own account, with their email")
    record Me(String id, String email, String displayName, String homeChapterId, List<ChapterRole> chapters,
              Set<String> roles, String bio, String bioHtml, List<String> skills, List<String> programs,
              String availability, ProfileVisibility profileVisibility, Instant createdAt) {
        static Me of(Member m) {
            return new Me(m.id(), m.email(), m.displayName(), m.homeChapterId(), m.chapters(), m.networkRoles(),
                    m.bio(), Markdown.toSafeHtml(m.bio()), m.skills(), m.programs(), m.availability(),
                    m.profileVisibility(), m.createdAt());
        }
    }

    @PostMapping("/auth/register")
    @Operation(summary = "Register a member in a chapter",
            description = "Creates the account with role VOLUNTEER in chapterId; raises MemberRegistered, "
                    + "MemberJoinedChapter and MemberProfileUpdated. 409 email-taken, 400 unknown-chapter.")
    ResponseEntity<Me> register(@Valid @RequestBody Register request) {
        Member member = members.register(request.email(), request.password(), request.displayName(),
                request.chapterId());
        return ResponseEntity.created(URI.create("/api/v1/members/" + member.id())).body(Me.of(member));
    }

    @GetMapping("/members/me")
    @Operation(summary = "The caller's own account and profile",
            description = "401 account-erased if the account was erased after the token was issued.")
    Me me(Caller caller) {
        return Me.of(members.self(caller));
    }

    @PatchMapping("/members/me")
    @Operation(summary = "Change the caller's profile",
            description = "displayName, bio (Markdown), skills, programs, availability and profileVisibility; "
                    + "fields left out stay as they are. Raises MemberProfileUpdated when something changed.")
    Me updateProfile(Caller caller, @Valid @RequestBody ProfileChange change) {
        return Me.of(members.updateProfile(caller, change));
    }

    @GetMapping("/members/{id}")
    @Operation(summary = "One member's profile",
            description = "Visible to the member, STAFF and ADMIN, members sharing a chapter, and everyone if the "
                    + "profile is NETWORK; otherwise (and for an erased member) 404. email only for an ADMIN.")
    MemberView member(Caller caller, @PathVariable String id) {
        return MemberView.forCaller(caller, members.visibleTo(caller, id));
    }

    @GetMapping("/members")
    @Operation(summary = "The member directory: find peers by chapter, skill and text",
            description = "Only profiles the caller may see, by display name. q matches display name, bio and "
                    + "skills (case-insensitive, at most 100 characters); skill is matched as a slug.")
    PageResponse<MemberView> directory(Caller caller,
                                       @Parameter(description = "members of this chapter")
                                       @RequestParam(required = false) String chapterId,
                                       @Parameter(description = "members with this skill")
                                       @RequestParam(required = false) String skill,
                                       @Parameter(description = "text in display name, bio or skills")
                                       @RequestParam(required = false) String q,
                                       @RequestParam(required = false) Integer page,
                                       @RequestParam(required = false) Integer size) {
        PageQuery query = PageQuery.of(page, size);
        Members.Page found = members.directory(caller, chapterId, skill, q, query);
        return PageResponse.of(found.items().stream().map(m -> MemberView.forCaller(caller, m)).toList(), query,
                found.total());
    }

    @DeleteMapping("/members/{id}")
    @Operation(summary = "Erase a member (the member themselves or an ADMIN)",
            description = "Removes credentials and profile, keeps a tombstone so the id is never reused, raises "
                    + "MemberErased and a last MemberProfileUpdated (erased). 204, also when already erased; 403 "
                    + "for anyone else; 404 for an id that never existed.")
    ResponseEntity<Void> erase(Caller caller, @PathVariable String id) {
        members.erase(caller, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/chapters/{chapterId}/members")
    @Operation(summary = "Join a chapter as VOLUNTEER",
            description = "Raises MemberJoinedChapter and MemberProfileUpdated; joining twice changes nothing.")
    Me join(Caller caller, @PathVariable String chapterId) {
        return Me.of(members.join(caller, chapterId));
    }

    @PutMapping("/chapters/{chapterId}/members/{memberId}/role")
    @Operation(summary = "Set a member's role in a chapter (a lead of that chapter, or ADMIN)",
            description = "VOLUNTEER, MENTOR or CHAPTER_LEAD; raises MemberJoinedChapter.")
    MemberView role(Caller caller, @PathVariable String chapterId, @PathVariable String memberId,
                    @Valid @RequestBody RoleChange request) {
        return MemberView.forCaller(caller, members.changeRole(caller, chapterId, memberId, request.role()));
    }

    @PutMapping("/members/{memberId}/roles")
    @Operation(summary = "Replace a member's network roles (ADMIN)", description = "[], [STAFF], [ADMIN] or both.")
    MemberView networkRoles(Caller caller, @PathVariable String memberId, @Valid @RequestBody NetworkRoles request) {
        return MemberView.forCaller(caller, members.setNetworkRoles(caller, memberId, request.roles()));
    }
}
