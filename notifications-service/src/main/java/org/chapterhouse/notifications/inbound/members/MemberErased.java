package org.chapterhouse.notifications.inbound.members;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** This service's minimal copy of members.member-erased.v1 {@code data}. */
@JsonIgnoreProperties(ignoreUnknown = true)
record MemberErased(String memberId) {
    static final String TOPIC = "members.member-erased.v1";
}
