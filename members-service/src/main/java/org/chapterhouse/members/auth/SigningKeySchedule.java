package org.chapterhouse.members.auth;

import java.time.Duration;
import org.chapterhouse.members.member.MembersProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Every {@code chapterhouse.members.signing.check-every}: reload, rotate when due, retire expired keys. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SigningKeySchedule {

    private static final Logger log = LoggerFactory.getLogger(SigningKeySchedule.class);

    private final SigningKeys keys;
    private final Duration rotateEvery;

    SigningKeySchedule(SigningKeys keys, MembersProperties properties) {
        this.keys = keys;
        this.rotateEvery = properties.signing().rotateEvery();
    }

    @Scheduled(fixedDelayString = "${chapterhouse.members.signing.check-every:1m}",
            initialDelayString = "${chapterhouse.members.signing.check-every:1m}")
    void maintain() {
        try {
            keys.maintain(rotateEvery);
        } catch (RuntimeException e) {
            log.warn("Signing key maintenance failed; will retry: {}", e.toString());
        }
    }
}
