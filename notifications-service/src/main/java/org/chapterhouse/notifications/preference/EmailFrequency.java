package org.chapterhouse.notifications.preference;

/** How a member wants a kind of notification by email; in-app delivery is always on. */
public enum EmailFrequency {
    INSTANT, DAILY, WEEKLY, NEVER
}
