package org.chapterhouse.analytics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code chapterhouse.analytics}.
 *
 * @param group                the Kafka consumer group (env {@code ANALYTICS_GROUP}); one of the subscriber's own
 * @param retryInitialInterval first back-off before retrying a record whose store write failed
 * @param retryMaxInterval     longest back-off between those attempts (they go on until the store answers)
 */
@ConfigurationProperties("chapterhouse.analytics")
public record AnalyticsProperties(
        @DefaultValue("analytics-subscriber") String group,
        @DefaultValue("500ms") Duration retryInitialInterval,
        @DefaultValue("10s") Duration retryMaxInterval) {
}
