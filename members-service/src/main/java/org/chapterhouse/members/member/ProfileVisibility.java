package org.chapterhouse.members.member;

/** Who may see a member's profile besides the member, STAFF and ADMIN. */
public enum ProfileVisibility {
    /** members who share a chapter with them (the default) */
    CHAPTER,
    /** every signed-in member of the network */
    NETWORK
}
