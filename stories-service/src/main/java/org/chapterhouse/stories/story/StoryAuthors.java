package org.chapterhouse.stories.story;

import org.springframework.stereotype.Component;

/** What the rest of the service may do to stories' authorship: forget an erased member's name. */
@Component
public class StoryAuthors {

    private final Stories stories;

    StoryAuthors(Stories stories) {
        this.stories = stories;
    }

    /**
     * The member's stories stay, authored by {@code "former member"}. Idempotent. Nothing else of theirs is kept
     * by name: revisions name nobody, and reviewers and publishers are kept by member id only.
     *
     * @return how many stories changed
     */
    public long forget(String memberId) {
        return stories.eraseAuthor(memberId);
    }
}
