package org.chapterhouse.members.member;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code chapterhouse.members.*}.
 *
 * @param tokenTtl how long an access token is valid
 * @param admin    the first ADMIN account, from {@code CHAPTERHOUSE_ADMIN_EMAIL} / {@code CHAPTERHOUSE_ADMIN_PASSWORD}
 */
@ConfigurationProperties("chapterhouse.members")
public record MembersProperties(@DefaultValue("1h") Duration tokenTtl, Admin admin) {

    public record Admin(String email, String password, @DefaultValue("Network Admin") String displayName) {
    }
}
