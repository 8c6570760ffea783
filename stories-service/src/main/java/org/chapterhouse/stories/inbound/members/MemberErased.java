package org.chapterhouse.stories.inbound.members;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Minimal copy of members.member-erased.v1 {@code data}. */
@JsonIgnoreProperties(ignoreUnknown = true)
record MemberErased(String memberId) {
    static final String TOPIC = "members.member-erased.v1";
}
