package org.chapterhouse.gateway.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import reactor.core.publisher.Mono;

/** Where the token buckets live: this instance's memory, or Redis shared by all instances. */
interface Budgets {

    /** Takes one token from the bucket {@code key}, created with {@code configuration} if it does not exist. */
    Mono<ConsumptionProbe> take(String key, BucketConfiguration configuration);
}
