package org.chapterhouse.support.health;

import org.bson.Document;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The store's health by {@code ping}, which a real MongoDB and the local wire server both answer. (Boot's own Mongo
 * indicator sends {@code hello}, which the wire server does not know; it is switched off in each service's YAML.)
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
public class StoreHealthAutoConfiguration {

    @Bean
    HealthIndicator storeHealthIndicator(MongoTemplate mongo) {
        return () -> {
            try {
                Document pong = mongo.executeCommand(new Document("ping", 1));
                return Health.up().withDetail("database", mongo.getDb().getName()).withDetail("ok", pong.get("ok"))
                        .build();
            } catch (RuntimeException e) {
                return Health.down().withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
            }
        };
    }
}
