package org.chapterhouse.stories.story;

import org.chapterhouse.support.security.Caller;

/** Who may read a published story. */
public enum Visibility {
    /** members of the story's chapter (and network staff) */
    CHAPTER,
    /** any signed-in member of the network */
    NETWORK,
    /** anyone, signed in or not */
    PUBLIC;

    /** Whether {@code caller} ({@code null} when anonymous) may read a published story of {@code chapterId}. */
    boolean admits(Caller caller, String chapterId) {
        return switch (this) {
            case PUBLIC -> true;
            case NETWORK -> caller != null;
            case CHAPTER -> caller != null && (caller.isMemberOf(chapterId) || caller.isStaff());
        };
    }
}
