package org.chapterhouse.members.events;

import java.util.List;

/**
 * A member's public profile is now this (log-compacted: the latest record per member is current). Published at
 * registration, on every profile change, when the member joins a chapter, and once more on erasure with
 * {@code erased: true}, display name {@code "former member"} and no skills. Never an email.
 * Owner: members-service · Key: memberId · Topic: {@value #TOPIC}
 *
 * @param skills            normalised slugs, at most 20
 * @param programs          normalised slugs, at most 10
 * @param profileVisibility {@code CHAPTER} or {@code NETWORK}
 * @param chapterIds        the chapters the member belongs to
 */
public record MemberProfileUpdated(String memberId, String displayName, List<String> skills, List<String> programs,
                                   String profileVisibility, List<String> chapterIds, boolean erased) {
    public static final String TOPIC = "members.member-profile-updated.v1";

    /** What is left of an erased member's profile: it replaces every earlier record on compaction. */
    public static final String FORMER_MEMBER = "former member";

    public static MemberProfileUpdated erased(String memberId) {
        return new MemberProfileUpdated(memberId, FORMER_MEMBER, List.of(), List.of(), "CHAPTER", List.of(), true);
    }
}
