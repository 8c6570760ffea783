package org.chapterhouse.analytics.figures;

/**
 * A member whose accepted answers help chapters they do not belong to.
 *
 * @param displayName                    null when no member event named them
 * @param acceptedAnswersInOtherChapters questions, in chapters the member does not belong to, whose accepted answer
 *                                       is theirs
 * @param chaptersHelped                 how many different such chapters
 */
record Leader(String memberId, String displayName, int acceptedAnswersInOtherChapters, int chaptersHelped) {
}
