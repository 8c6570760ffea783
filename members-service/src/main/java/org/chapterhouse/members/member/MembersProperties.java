package org.chapterhouse.members.member;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code chapterhouse.members.*}.
 *
 * @param tokenTtl how long an access token is valid
 * @param admin    the first ADMIN account, from {@code CHAPTERHOUSE_ADMIN_EMAIL} / {@code CHAPTERHOUSE_ADMIN_PASSWORD}
 * @param signing  signing key rotation
 * @param signin   slowing down repeated failed sign-ins
 */
@ConfigurationProperties("chapterhouse.members")
public record MembersProperties(@DefaultValue("1h") Duration tokenTtl, Admin admin, @DefaultValue Signing signing,
                                @DefaultValue SignIn signin) {

    public record Admin(String email, String password, @DefaultValue("Network Admin") String displayName) {
    }

    /**
     * @param rotateEvery a new key signs once the current one is this old
     * @param checkEvery  how often each instance reloads the keys, rotates when due and removes retired ones
     * @param grace       extra time a replaced key stays published, for clock skew
     */
    public record Signing(@DefaultValue("P30D") Duration rotateEvery, @DefaultValue("1m") Duration checkEvery,
                          @DefaultValue("5m") Duration grace) {
    }

    /**
     * @param maxFailuresPerEmail failed sign-ins for one email before it is slowed down
     * @param maxFailuresPerIp    failed sign-ins from one client address (any email) before it is slowed down
     * @param baseDelay           the first wait once over a limit; it doubles with each further failure
     * @param maxDelay            the longest wait
     * @param forgetAfter         failures are forgotten this long after the last one
     */
    public record SignIn(@DefaultValue("5") int maxFailuresPerEmail, @DefaultValue("50") int maxFailuresPerIp,
                         @DefaultValue("1s") Duration baseDelay, @DefaultValue("15m") Duration maxDelay,
                         @DefaultValue("15m") Duration forgetAfter) {
    }
}
