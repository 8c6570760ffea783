package org.chapterhouse.analytics.figures;

/**
 * One chapter's figures for one ISO week (the week of each fact's event time, UTC).
 *
 * @param questionsAsked                    questions posted in the chapter that week
 * @param shareAnswered                     the fraction (0..1, 3 decimals) of those questions with at least one
 *                                          answer, whenever it came; null when no question was asked
 * @param medianTimeToFirstAnswerSeconds    median over those questions of (first answer − question), null if none
 *                                          was answered
 * @param medianTimeToAcceptedAnswerSeconds median over those questions of (first acceptance − question), null if
 *                                          none has an accepted answer
 * @param activeVolunteers                  distinct members who asked or answered in the chapter that week
 * @param storiesShared                     stories published in the chapter that week
 */
record WeeklyFigure(String chapterId, String week, int questionsAsked, Double shareAnswered,
                    Double medianTimeToFirstAnswerSeconds, Double medianTimeToAcceptedAnswerSeconds,
                    int activeVolunteers, int storiesShared) {
}
