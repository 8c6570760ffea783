package org.chapterhouse.stories.inbound.members;

import java.util.function.Consumer;
import org.chapterhouse.stories.story.StoryAuthors;
import org.chapterhouse.support.inbound.InboundEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** What stories-service does when a member's data is erased. */
@Configuration(proxyBeanMethods = false)
class MemberReactions {

    private static final Logger log = LoggerFactory.getLogger(MemberReactions.class);

    /** Their stories stay, by "former member". */
    @Bean
    Consumer<Message<byte[]>> anonymiseErasedAuthor(InboundEvents inbound, StoryAuthors authors) {
        return inbound.reaction("anonymiseErasedAuthor", MemberErased.class, e -> {
            if (e.data().memberId() == null || e.data().memberId().isBlank()) {
                throw new IllegalArgumentException("MemberErased without memberId: " + e.id());
            }
            long changed = authors.forget(e.data().memberId());
            log.info("Erased member's name removed from {} stories", changed);
        });
    }
}
