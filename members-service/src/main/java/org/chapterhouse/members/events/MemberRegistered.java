package org.chapterhouse.members.events;

/** Owner: members-service · Key: memberId · Topic: {@value #TOPIC} */
public record MemberRegistered(String memberId, String displayName, String homeChapterId) {
    public static final String TOPIC = "members.member-registered.v1";
}
