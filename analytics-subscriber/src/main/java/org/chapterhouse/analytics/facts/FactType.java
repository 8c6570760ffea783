package org.chapterhouse.analytics.facts;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of fact the figures are computed from, by the CloudEvents {@code type} they arrive with. */
public enum FactType {
    MEMBER_REGISTERED("org.chapterhouse.members.MemberRegistered.v1"),
    MEMBER_JOINED_CHAPTER("org.chapterhouse.members.MemberJoinedChapter.v1"),
    QUESTION_POSTED("org.chapterhouse.discussions.QuestionPosted.v1"),
    ANSWER_POSTED("org.chapterhouse.discussions.AnswerPosted.v1"),
    ANSWER_ACCEPTED("org.chapterhouse.discussions.AnswerAccepted.v1"),
    STORY_SHARED("org.chapterhouse.stories.StoryShared.v1"),
    MEMBER_ERASED("org.chapterhouse.members.MemberErased.v1"),
    ANSWER_UNACCEPTED("org.chapterhouse.discussions.AnswerUnaccepted.v1");

    private final String cloudEventsType;

    FactType(String cloudEventsType) {
        this.cloudEventsType = cloudEventsType;
    }

    /** The envelope's {@code type}; also what a fact document stores as its {@code type}. */
    public String cloudEventsType() {
        return cloudEventsType;
    }

    public static Optional<FactType> ofCloudEventsType(String type) {
        return Arrays.stream(values()).filter(t -> t.cloudEventsType.equals(type)).findFirst();
    }
}
