package org.chapterhouse.discussions.events;

/** Who may see a question and its answers: the members of its chapter, or the whole network. */
public enum Visibility {
    CHAPTER, NETWORK
}
