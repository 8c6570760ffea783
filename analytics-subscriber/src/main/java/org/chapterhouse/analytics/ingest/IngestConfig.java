package org.chapterhouse.analytics.ingest;

import org.chapterhouse.analytics.AnalyticsProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * What happens when a record cannot be stored (the store is down): it is retried with exponential back-off until the
 * write succeeds, and its offset is not committed before. Nothing is skipped for a store outage; unreadable records
 * never get here, the listener skips them itself.
 */
@Configuration(proxyBeanMethods = false)
class IngestConfig {

    @Bean
    CommonErrorHandler retryUntilStored(AnalyticsProperties properties) {
        ExponentialBackOff backOff = new ExponentialBackOff(properties.retryInitialInterval().toMillis(), 2.0);
        backOff.setMaxInterval(properties.retryMaxInterval().toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        DefaultErrorHandler handler = new DefaultErrorHandler(backOff);
        handler.setLogLevel(org.springframework.kafka.KafkaException.Level.WARN);
        return handler;
    }
}
