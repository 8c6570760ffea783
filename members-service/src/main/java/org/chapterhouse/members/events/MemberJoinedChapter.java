package org.chapterhouse.members.events;

/**
 * A member joined a chapter, or their role in it changed. Other services keep chapter membership from these.
 * Owner: members-service · Key: memberId · Topic: {@value #TOPIC}
 *
 * @param role {@code VOLUNTEER}, {@code MENTOR} or {@code CHAPTER_LEAD}
 */
public record MemberJoinedChapter(String memberId, String chapterId, String role, String displayName) {
    public static final String TOPIC = "members.member-joined-chapter.v1";
}
