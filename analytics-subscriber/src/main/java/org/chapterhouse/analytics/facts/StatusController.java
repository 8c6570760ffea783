package org.chapterhouse.analytics.facts;

import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** How much of the stream has been stored: a quick check that ingest is keeping up. */
@RestController
class StatusController {

    /** {@code lastEventTime} is the latest event time of any fact (when it happened), null when there are none. */
    record Status(long factsStored, Instant lastEventTime) {
    }

    private final FactStore facts;

    StatusController(FactStore facts) {
        this.facts = facts;
    }

    @GetMapping("/api/v1/analytics/status")
    Status status() {
        return new Status(facts.count(), facts.lastEventTime().orElse(null));
    }
}
