package org.chapterhouse.analytics.facts;

import org.bson.Document;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The store's health by {@code ping}, which a real MongoDB and the local wire server both answer. (Boot's own Mongo
 * indicator sends {@code hello}, which the wire server lacks; it is switched off in application.yaml.) Shown as
 * {@code store} under {@code /actuator/health}.
 */
@Component("storeHealthIndicator")
class StoreHealthIndicator implements HealthIndicator {

    private final MongoTemplate mongo;

    StoreHealthIndicator(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Health health() {
        try {
            Document pong = mongo.executeCommand(new Document("ping", 1));
            return Health.up().withDetail("database", mongo.getDb().getName()).withDetail("ok", pong.get("ok"))
                    .build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
        }
    }
}
