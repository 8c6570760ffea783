package org.chapterhouse.discussions.events;

/** Why a member flags a post. */
public enum FlagReason {
    SPAM, OFFENSIVE, OFF_TOPIC, SAFEGUARDING, OTHER
}
