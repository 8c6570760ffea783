package org.chapterhouse.members.member;

import java.util.Set;
import org.chapterhouse.support.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Creates the first ADMIN from the environment when no account has that email yet. */
@Component
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final MemberService members;
    private final MembersProperties properties;

    AdminBootstrap(MemberService members, MembersProperties properties) {
        this.members = members;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        MembersProperties.Admin admin = properties.admin();
        if (admin == null || admin.email() == null || admin.email().isBlank()) {
            log.info("No CHAPTERHOUSE_ADMIN_EMAIL set: no ADMIN account created");
            return;
        }
        if (admin.password() == null || admin.password().length() < 10) {
            throw new IllegalStateException("CHAPTERHOUSE_ADMIN_PASSWORD must be set, at least 10 characters");
        }
        if (members.emailTaken(admin.email())) {
            return;
        }
        try {
            members.create(admin.email(), admin.password(), admin.displayName(), null, Set.of(Caller.ADMIN));
            log.info("Created the ADMIN account {}", admin.email());
        } catch (org.chapterhouse.support.web.ApiProblem raced) {
            // another instance created it meanwhile
        }
    }
}
