package org.chapterhouse.gateway.ratelimit;

import java.time.Duration;
import java.util.stream.Stream;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Rate limits on unless {@code chapterhouse.gateway.rate-limit.enabled=false}; the backend chosen by configuration. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "chapterhouse.gateway.rate-limit.enabled", havingValue = "true", matchIfMissing = true)
class RateLimitConfiguration {

    @Bean
    Budgets rateLimitBudgets(RateLimitProperties properties) {
        if (properties.backend() == RateLimitProperties.Backend.REDIS) {
            return new RedisBudgets(properties.redisUrl(), Duration.ofSeconds(1));
        }
        Duration longest = Stream.of(properties.member().read(), properties.member().write(),
                        properties.chapter().read(), properties.chapter().write())
                .map(RateLimitProperties.Limit::period).max(Duration::compareTo).orElse(Duration.ofMinutes(1));
        return new LocalBudgets(longest.multipliedBy(2));
    }

    @Bean
    RateLimits rateLimits(Budgets rateLimitBudgets, RateLimitProperties properties) {
        return new RateLimits(rateLimitBudgets, properties);
    }
}
