package org.chapterhouse.notifications.inbound.stories;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.chapterhouse.notifications.inbound.members.ChapterMembers;
import org.chapterhouse.notifications.inbox.Inbox;
import org.chapterhouse.notifications.inbox.NewNotification;
import org.chapterhouse.notifications.subscription.Subscriptions;
import org.chapterhouse.support.inbound.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Who is told about stories: a submitted story reaches the leads of its chapter (its reviewers; it is visible to
 * nobody else yet); a shared (published) story reaches the members who watch its chapter and, for a NETWORK or
 * PUBLIC story, those who watch the network. A CHAPTER story reaches members of its chapter only. Nobody is told of
 * their own submission or publication.
 */
@Configuration(proxyBeanMethods = false)
class StoryReactions {

    @Bean
    Consumer<Message<byte[]>> notifyLeadsOfSubmittedStory(InboundEvents inbound, ChapterMembers members,
                                                          Inbox inbox) {
        return inbound.reaction("notifyLeadsOfSubmittedStory", StorySubmitted.class, e -> {
            StorySubmitted s = e.data();
            Set<String> leads = new HashSet<>(members.withRole(s.chapterId(), ChapterMembers.LEAD));
            leads.remove(s.authorId());
            inbox.deliver(e.id(), leads, NewNotification.aboutStory(NewNotification.STORY_SUBMITTED, s.chapterId(),
                    s.storyId(), s.title(), s.authorId(), e.time()));
        });
    }

    @Bean
    Consumer<Message<byte[]>> notifySubscribersOfSharedStory(InboundEvents inbound, ChapterMembers members,
                                                             Subscriptions subscriptions, Inbox inbox) {
        return inbound.reaction("notifySubscribersOfSharedStory", StoryShared.class, e -> {
            StoryShared s = e.data();
            boolean wide = "NETWORK".equals(s.visibility()) || "PUBLIC".equals(s.visibility());
            Set<String> candidates = new HashSet<>(subscriptions.watchersOfChapter(s.chapterId()));
            if (wide) {
                candidates.addAll(subscriptions.watchersOfNetwork());
            }
            Set<String> recipients = new HashSet<>(members.whoMaySee(candidates, s.chapterId(),
                    wide ? "NETWORK" : "CHAPTER"));
            recipients.remove(s.publishedBy());
            inbox.deliver(e.id(), recipients, NewNotification.aboutStory(NewNotification.STORY_SHARED, s.chapterId(),
                    s.storyId(), s.title(), s.publishedBy(), e.time()));
        });
    }
}
