package org.chapterhouse.gateway.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code chapterhouse.gateway.rate-limit.*}: token buckets per member and per chapter, reads and writes apart.
 *
 * @param enabled  off only for benchmarks of the bare routing path
 * @param backend  {@code memory} (each instance counts alone) or {@code redis} (all instances share the budgets)
 * @param redisUrl where the shared budgets live, with {@code backend=redis}
 * @param member   per member (the token's {@code sub}; anonymous callers by client address)
 * @param chapter  per chapter, shared by everyone acting in it
 */
@ConfigurationProperties("chapterhouse.gateway.rate-limit")
record RateLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue("memory") Backend backend,
                           @DefaultValue("redis://localhost:6379") String redisUrl,
                           @DefaultValue Budget member, @DefaultValue Budget chapter) {

    enum Backend { MEMORY, REDIS }

    record Budget(@DefaultValue Limit read, @DefaultValue Limit write) {
    }

    /** {@code capacity} requests per {@code period}, refilled gradually; a burst may use the whole capacity. */
    record Limit(@DefaultValue("300") long capacity, @DefaultValue("1m") Duration period) {
    }
}
