package org.chapterhouse.stories.inbound.discussions;

import java.util.function.Consumer;
import org.chapterhouse.support.inbound.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** What stories-service remembers of discussions: questions and their accepted answers, to promote them. */
@Configuration(proxyBeanMethods = false)
class DiscussionReactions {

    @Bean
    Consumer<Message<byte[]>> rememberQuestion(InboundEvents inbound, AnsweredQuestions questions) {
        return inbound.reaction("rememberQuestion", QuestionPosted.class, e -> {
            if (e.data().questionId() == null) {
                throw new IllegalArgumentException("QuestionPosted without questionId: " + e.id());
            }
            questions.rememberQuestion(e.data());
        });
    }

    @Bean
    Consumer<Message<byte[]>> rememberAcceptedAnswer(InboundEvents inbound, AnsweredQuestions questions) {
        return inbound.reaction("rememberAcceptedAnswer", AnswerAccepted.class, e -> {
            if (e.data().questionId() == null || e.data().answerId() == null) {
                throw new IllegalArgumentException("AnswerAccepted without questionId or answerId: " + e.id());
            }
            questions.rememberAcceptance(e.data(), e.time());
        });
    }
}
