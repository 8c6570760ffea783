package org.chapterhouse.support.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling, taken only from the verified access token, never from a body or a client header.
 *
 * @param chapters     chapter id to the role held there ({@code VOLUNTEER}, {@code MENTOR}, {@code CHAPTER_LEAD})
 * @param networkRoles network-wide roles ({@code STAFF}, {@code ADMIN})
 */
public record Caller(String memberId, String displayName, Map<String, String> chapters, Set<String> networkRoles) {

    public static final String CLAIM_NAME = "name";
    public static final String CLAIM_CHAPTERS = "chapters";
    public static final String CLAIM_ROLES = "roles";
    public static final String LEAD = "CHAPTER_LEAD";
    public static final String STAFF = "STAFF";
    public static final String ADMIN = "ADMIN";

    public static Caller from(Jwt jwt) {
        Map<String, Object> rawChapters = jwt.getClaimAsMap(CLAIM_CHAPTERS);
        Map<String, String> chapters = rawChapters == null ? Map.of()
                : rawChapters.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                        e -> String.valueOf(e.getValue())));
        Collection<String> roles = jwt.getClaimAsStringList(CLAIM_ROLES);
        return new Caller(jwt.getSubject(), jwt.getClaimAsString(CLAIM_NAME), chapters,
                roles == null ? Set.of() : Set.copyOf(roles));
    }

    public boolean isMemberOf(String chapterId) {
        return chapters.containsKey(chapterId);
    }

    public boolean isLeadOf(String chapterId) {
        return LEAD.equals(chapters.get(chapterId));
    }

    public boolean isStaff() {
        return networkRoles.contains(STAFF) || isAdmin();
    }

    public boolean isAdmin() {
        return networkRoles.contains(ADMIN);
    }

    public List<String> chapterIds() {
        return List.copyOf(chapters.keySet());
    }
}
