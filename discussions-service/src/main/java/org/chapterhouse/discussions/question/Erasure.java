package org.chapterhouse.discussions.question;

import org.springframework.stereotype.Component;

/** What the rest of the service may ask of questions when a member is erased. */
@Component
public class Erasure {

    private final QuestionService questions;

    Erasure(QuestionService questions) {
        this.questions = questions;
    }

    /** Replaces the member's name on every question and answer they wrote with "former member". */
    public void anonymise(String memberId) {
        questions.anonymise(memberId);
    }
}
