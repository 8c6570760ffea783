package org.chapterhouse.support.inbound;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.chapterhouse.support.ServiceName;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import tools.jackson.databind.json.JsonMapper;

@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
public class InboundAutoConfiguration {

    @Bean
    InboundEvents inboundEvents(MongoTemplate mongo, JsonMapper json, MeterRegistry meters, ServiceName service) {
        // processed ids are kept 30 days on a real MongoDB (TTL index; the local wire server does not expire them)
        mongo.indexOps(InboundEvents.COLLECTION).createIndex(new Index().on("at", Sort.Direction.ASC)
                .expire(Duration.ofDays(30)).named("consumed_ttl"));
        return new InboundEvents(mongo, json, meters, service.metricPrefix());
    }
}
