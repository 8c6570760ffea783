package org.chapterhouse.notifications.inbound.members;

import java.util.List;
import java.util.function.Consumer;
import org.chapterhouse.support.inbound.InboundEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

@Configuration(proxyBeanMethods = false)
class MemberReactions {

    private static final Logger log = LoggerFactory.getLogger(MemberReactions.class);

    @Bean
    Consumer<Message<byte[]>> recordChapterMembership(InboundEvents inbound, ChapterMembers members) {
        return inbound.reaction("recordChapterMembership", MemberJoinedChapter.class,
                e -> members.record(e.data(), e.time()));
    }

    @Bean
    Consumer<Message<byte[]>> recordMemberProfile(InboundEvents inbound, MemberProfiles profiles,
                                                  List<MemberData> holders) {
        return inbound.reaction("recordMemberProfile", MemberProfileUpdated.class, e -> {
            if (Boolean.TRUE.equals(e.data().erased())) {
                eraseEverywhere(holders, e.data().memberId());
            } else {
                profiles.record(e.data(), e.time());
            }
        });
    }

    @Bean
    Consumer<Message<byte[]>> forgetErasedMember(InboundEvents inbound, List<MemberData> holders) {
        return inbound.reaction("forgetErasedMember", MemberErased.class,
                e -> eraseEverywhere(holders, e.data().memberId()));
    }

    private static void eraseEverywhere(List<MemberData> holders, String memberId) {
        if (memberId == null || memberId.isBlank()) {
            throw new IllegalArgumentException("MemberErased without memberId");
        }
        holders.forEach(h -> h.erase(memberId));
        log.info("Erased member {} from {} holders", memberId, holders.size());
    }

    @Bean
    MemberData membershipsAndProfiles(ChapterMembers members, MemberProfiles profiles) {
        return memberId -> {
            members.forget(memberId);
            profiles.forget(memberId);
        };
    }
}
