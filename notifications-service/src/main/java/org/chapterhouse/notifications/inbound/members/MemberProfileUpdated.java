package org.chapterhouse.notifications.inbound.members;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** This service's minimal copy of members.member-profile-updated.v1 {@code data} (a compacted topic). */
@JsonIgnoreProperties(ignoreUnknown = true)
record MemberProfileUpdated(String memberId, String displayName, List<String> skills, Boolean erased) {
    static final String TOPIC = "members.member-profile-updated.v1";
}
