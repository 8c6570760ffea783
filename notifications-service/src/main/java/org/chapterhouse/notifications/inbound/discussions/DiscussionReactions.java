package org.chapterhouse.notifications.inbound.discussions;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.chapterhouse.notifications.inbound.members.ChapterMembers;
import org.chapterhouse.notifications.inbound.members.MemberProfiles;
import org.chapterhouse.notifications.inbox.Inbox;
import org.chapterhouse.notifications.inbox.NewNotification;
import org.chapterhouse.notifications.subscription.Subscriptions;
import org.chapterhouse.support.inbound.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Who is told what about discussions:
 * <ul>
 * <li>QuestionPosted: members of the question's chapter who watch the chapter or one of its tags, and mentors whose
 * skills match a tag (of the chapter for a CHAPTER question, of any chapter for a NETWORK one);</li>
 * <li>AnswerPosted: the asker and the question's watchers;</li>
 * <li>AnswerAccepted: the answerer.</li>
 * </ul>
 * Nobody is told about their own action, and nobody about what they may not see: every recipient is checked against
 * the item's visibility (a CHAPTER item reaches members of its chapter only). Asking and answering watch the question.
 */
@Configuration(proxyBeanMethods = false)
class DiscussionReactions {

    @Bean
    Consumer<Message<byte[]>> notifyWatchersOfNewQuestion(InboundEvents inbound, ChapterMembers members,
                                                          MemberProfiles profiles, Subscriptions subscriptions,
                                                          Questions questions, Inbox inbox) {
        return inbound.reaction("notifyWatchersOfNewQuestion", QuestionPosted.class, e -> {
            QuestionPosted q = e.data();
            questions.record(q);
            subscriptions.watchQuestion(q.authorId(), q.questionId());
            Set<String> watchers = new HashSet<>(subscriptions.watchersOfChapter(q.chapterId()));
            watchers.addAll(subscriptions.watchersOfAnyTag(q.tagsOrNone()));
            Set<String> recipients = new HashSet<>(members.whoMaySee(watchers, q.chapterId(), "CHAPTER"));
            String mentorsOf = "NETWORK".equals(q.visibility()) ? null : q.chapterId();
            recipients.addAll(members.holdingRole(profiles.withAnySkill(q.tagsOrNone()), ChapterMembers.MENTOR,
                    mentorsOf));
            recipients = new HashSet<>(members.whoMaySee(recipients, q.chapterId(), q.visibility()));
            recipients.remove(q.authorId());
            inbox.deliver(e.id(), recipients, NewNotification.aboutQuestion(NewNotification.QUESTION_POSTED,
                    q.chapterId(), q.questionId(), null, q.title(), q.authorId(), e.time()));
        });
    }

    @Bean
    Consumer<Message<byte[]>> notifyAskerAndWatchersOfNewAnswer(InboundEvents inbound, ChapterMembers members,
                                                                Subscriptions subscriptions, Questions questions,
                                                                Inbox inbox) {
        return inbound.reaction("notifyAskerAndWatchersOfNewAnswer", AnswerPosted.class, e -> {
            AnswerPosted a = e.data();
            Questions.KnownQuestion q = questions.find(a.questionId());
            Set<String> recipients = new HashSet<>(subscriptions.watchersOfQuestion(a.questionId()));
            if (a.questionAuthorId() != null) {
                recipients.add(a.questionAuthorId());
            }
            String visibility = a.visibility() != null ? a.visibility() : q == null ? "CHAPTER" : q.visibility();
            Set<String> allowed = new HashSet<>(members.whoMaySee(recipients, a.chapterId(), visibility));
            // the asker always may see their own question, even before their membership event arrives
            if (a.questionAuthorId() != null && recipients.contains(a.questionAuthorId())) {
                allowed.add(a.questionAuthorId());
            }
            allowed.remove(a.authorId());
            inbox.deliver(e.id(), allowed, NewNotification.aboutQuestion(NewNotification.ANSWER_POSTED,
                    a.chapterId(), a.questionId(), a.answerId(), q == null ? null : q.title(), a.authorId(),
                    e.time()));
            subscriptions.watchQuestion(a.authorId(), a.questionId());
        });
    }

    @Bean
    Consumer<Message<byte[]>> notifyAnswererOfAcceptance(InboundEvents inbound, Questions questions, Inbox inbox) {
        return inbound.reaction("notifyAnswererOfAcceptance", AnswerAccepted.class, e -> {
            AnswerAccepted a = e.data();
            if (a.answerAuthorId() == null || a.answerAuthorId().equals(a.acceptedBy())) {
                return;
            }
            Questions.KnownQuestion q = questions.find(a.questionId());
            inbox.deliver(e.id(), List.of(a.answerAuthorId()), NewNotification.aboutQuestion(
                    NewNotification.ANSWER_ACCEPTED, a.chapterId(), a.questionId(), a.answerId(),
                    q == null ? null : q.title(), a.acceptedBy(), e.time()));
        });
    }
}
