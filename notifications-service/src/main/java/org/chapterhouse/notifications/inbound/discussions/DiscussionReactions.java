package org.chapterhouse.notifications.inbound.discussions;

import java.util.List;
import java.util.function.Consumer;
import org.chapterhouse.notifications.inbound.members.ChapterMembers;
import org.chapterhouse.notifications.inbox.Inbox;
import org.chapterhouse.notifications.inbox.NewNotification;
import org.chapterhouse.support.inbound.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Who is told what about discussions. Nobody is told about their own action; a question reaches only the members of
 * its chapter, who may all see it.
 */
@Configuration(proxyBeanMethods = false)
class DiscussionReactions {

    @Bean
    Consumer<Message<byte[]>> notifyChapterOfNewQuestion(InboundEvents inbound, ChapterMembers members,
                                                         QuestionTitles titles, Inbox inbox) {
        return inbound.reaction("notifyChapterOfNewQuestion", QuestionPosted.class, e -> {
            QuestionPosted q = e.data();
            titles.record(q);
            List<String> recipients = members.memberIds(q.chapterId()).stream()
                    .filter(m -> !m.equals(q.authorId())).toList();
            inbox.deliver(e.id(), recipients, new NewNotification(NewNotification.QUESTION_POSTED, q.chapterId(),
                    q.questionId(), null, q.title(), q.authorId(), e.time()));
        });
    }

    @Bean
    Consumer<Message<byte[]>> notifyAskerOfNewAnswer(InboundEvents inbound, QuestionTitles titles, Inbox inbox) {
        return inbound.reaction("notifyAskerOfNewAnswer", AnswerPosted.class, e -> {
            AnswerPosted a = e.data();
            if (a.questionAuthorId() == null || a.questionAuthorId().equals(a.authorId())) {
                return;
            }
            inbox.deliver(e.id(), List.of(a.questionAuthorId()), new NewNotification(NewNotification.ANSWER_POSTED,
                    a.chapterId(), a.questionId(), a.answerId(), titles.title(a.questionId()), a.authorId(),
                    e.time()));
        });
    }

    @Bean
    Consumer<Message<byte[]>> notifyAnswererOfAcceptance(InboundEvents inbound, QuestionTitles titles, Inbox inbox) {
        return inbound.reaction("notifyAnswererOfAcceptance", AnswerAccepted.class, e -> {
            AnswerAccepted a = e.data();
            if (a.answerAuthorId() == null || a.answerAuthorId().equals(a.acceptedBy())) {
                return;
            }
            inbox.deliver(e.id(), List.of(a.answerAuthorId()), new NewNotification(NewNotification.ANSWER_ACCEPTED,
                    a.chapterId(), a.questionId(), a.answerId(), titles.title(a.questionId()), a.acceptedBy(),
                    e.time()));
        });
    }
}
