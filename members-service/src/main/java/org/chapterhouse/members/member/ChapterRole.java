package org.chapterhouse.members.member;

import java.util.Set;

/** A role held in one chapter. */
public record ChapterRole(String chapterId, String role) {

    public static final String VOLUNTEER = "VOLUNTEER";
    public static final Set<String> ROLES = Set.of(VOLUNTEER, "MENTOR", "CHAPTER_LEAD");
}
