package org.chapterhouse.members.member;

import java.util.Map;
import org.chapterhouse.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** 429: too many failed sign-ins for this email or from this address; answered with {@code Retry-After}. */
public class TooManySignIns extends ApiProblem {

    private final long retryAfterSeconds;

    TooManySignIns(long retryAfterSeconds) {
        super(HttpStatus.TOO_MANY_REQUESTS, "too-many-sign-in-attempts", "Too many sign-in attempts",
                "Too many failed sign-ins; try again in " + retryAfterSeconds + " s",
                Map.of("retryAfterSeconds", retryAfterSeconds));
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
