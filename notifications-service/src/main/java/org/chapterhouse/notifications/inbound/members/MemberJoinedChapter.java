package org.chapterhouse.notifications.inbound.members;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** This service's minimal copy of members.member-joined-chapter.v1 {@code data}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MemberJoinedChapter(String memberId, String chapterId, String role, String displayName) {
    public static final String TOPIC = "members.member-joined-chapter.v1";
}
