package org.chapterhouse.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * Buckets in this instance's memory (lock-free Bucket4j buckets), forgotten when unused for longer than the longest
 * refill period, at most {@value #MAX_BUCKETS} of them.
 */
final class LocalBudgets implements Budgets {

    static final long MAX_BUCKETS = 200_000;
    private final Cache<String, Bucket> buckets;

    LocalBudgets(Duration idle) {
        this.buckets = Caffeine.newBuilder().expireAfterAccess(idle).maximumSize(MAX_BUCKETS).build();
    }

    @Override
    public Mono<ConsumptionProbe> take(String key, BucketConfiguration configuration) {
        Bucket bucket = buckets.get(key, k -> {
            var builder = Bucket.builder();
            for (var bandwidth : configuration.getBandwidths()) {
                builder.addLimit(bandwidth);
            }
            return builder.build();
        });
        return Mono.just(bucket.tryConsumeAndReturnRemaining(1));
    }
}
