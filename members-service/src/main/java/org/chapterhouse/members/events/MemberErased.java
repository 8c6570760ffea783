package org.chapterhouse.members.events;

import java.time.Instant;
import java.util.List;

/**
 * A member's data was erased: every service removes or anonymises what it holds about them. No personal data.
 * Owner: members-service · Key: memberId · Topic: {@value #TOPIC}
 *
 * @param chapterIds the chapters the member belonged to at erasure
 */
public record MemberErased(String memberId, Instant erasedAt, List<String> chapterIds) {
    public static final String TOPIC = "members.member-erased.v1";
}
