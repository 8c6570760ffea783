package org.chapterhouse.analytics.ingest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * This subscriber's own minimal copies of the {@code data} of the events it reads: only the fields the figures use.
 * Unknown fields are ignored (the topics may add optional ones at any time).
 */
final class Inbound {

    private Inbound() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record MemberRegistered(String memberId, String displayName, String homeChapterId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record MemberJoinedChapter(String memberId, String chapterId, String displayName) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record QuestionPosted(String questionId, String chapterId, String authorId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AnswerPosted(String questionId, String answerId, String chapterId, String authorId,
                        String questionAuthorId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AnswerAccepted(String questionId, String answerId, String chapterId, String answerAuthorId,
                          String acceptedBy, String questionAuthorId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AnswerUnaccepted(String questionId, String answerId, String chapterId, String answerAuthorId,
                            String withdrawnBy) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record MemberErased(String memberId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record StoryShared(String storyId, String chapterId, String authorId) {
    }
}
