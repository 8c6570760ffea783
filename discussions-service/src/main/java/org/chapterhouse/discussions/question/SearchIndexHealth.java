package org.chapterhouse.discussions.question;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code searchIndex} health: OUT_OF_SERVICE until the index has been built once (lists and searches would be
 * incomplete), UP afterwards, with its figures. Part of the readiness group, so no traffic arrives before.
 */
@Component("searchIndex")
class SearchIndexHealth implements HealthIndicator {

    private final QuestionIndex index;

    SearchIndexHealth(QuestionIndex index) {
        this.index = index;
    }

    @Override
    public Health health() {
        QuestionIndex.Status s = index.status();
        Health.Builder health = s.ready() ? Health.up() : Health.outOfService();
        return health.withDetail("questions", s.questions()).withDetail("rebuilding", s.rebuilding())
                .withDetail("indexedUpTo", String.valueOf(s.indexedUpTo())).build();
    }
}
