package org.chapterhouse.support.outbox;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code chapterhouse.outbox.*}: which collections hold outbox arrays, and how the relay polls them.
 */
@ConfigurationProperties("chapterhouse.outbox")
public record OutboxProperties(
        List<String> collections,
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("10s") Duration maxBackoff,
        @DefaultValue("10s") Duration sendTimeout,
        @DefaultValue("15s") Duration leaseTtl,
        @DefaultValue("200") int batchSize) {

    public OutboxProperties {
        collections = collections == null ? List.of() : List.copyOf(collections);
    }
}
