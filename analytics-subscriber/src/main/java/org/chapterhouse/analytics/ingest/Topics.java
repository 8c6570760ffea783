package org.chapterhouse.analytics.ingest;

import java.util.List;

/** The public topics this subscriber reads (see docs/events/README.md). */
final class Topics {

    static final String MEMBER_REGISTERED = "members.member-registered.v1";
    static final String MEMBER_JOINED_CHAPTER = "members.member-joined-chapter.v1";
    static final String QUESTION_POSTED = "discussions.question-posted.v1";
    static final String ANSWER_POSTED = "discussions.answer-posted.v1";
    static final String ANSWER_ACCEPTED = "discussions.answer-accepted.v1";
    static final String STORY_SHARED = "stories.story-shared.v1";
    static final String MEMBER_ERASED = "members.member-erased.v1";
    static final String ANSWER_UNACCEPTED = "discussions.answer-unaccepted.v1";

    static final List<String> ALL = List.of(MEMBER_REGISTERED, MEMBER_JOINED_CHAPTER, QUESTION_POSTED, ANSWER_POSTED,
            ANSWER_ACCEPTED, STORY_SHARED, MEMBER_ERASED, ANSWER_UNACCEPTED);

    private Topics() {
    }
}
