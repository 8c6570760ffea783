package org.chapterhouse.discussions.inbound;

import java.util.function.Consumer;
import org.chapterhouse.discussions.question.Erasure;
import org.chapterhouse.support.inbound.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

@Configuration(proxyBeanMethods = false)
class MemberReactions {

    /** MemberErased: the member's questions and answers stay readable, authored by "former member". */
    @Bean
    Consumer<Message<byte[]>> anonymiseErasedMember(InboundEvents inbound, Erasure erasure) {
        return inbound.reaction("anonymiseErasedMember", MemberErased.class,
                e -> erasure.anonymise(e.data().memberId()));
    }
}
