package org.chapterhouse.notifications.inbound.members;

import java.util.function.Consumer;
import org.chapterhouse.support.inbound.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

@Configuration(proxyBeanMethods = false)
class MemberReactions {

    @Bean
    Consumer<Message<byte[]>> recordChapterMembership(InboundEvents inbound, ChapterMembers members) {
        return inbound.reaction("recordChapterMembership", MemberJoinedChapter.class,
                e -> members.record(e.data(), e.time()));
    }
}
