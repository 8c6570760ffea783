package org.chapterhouse.support.inbound;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.function.Consumer;
import org.chapterhouse.support.events.CloudEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a reaction to an event into a Spring Cloud Stream consumer that reads the CloudEvents envelope tolerantly
 * and runs the reaction at most once per event id and reaction (de-duplication on {@code id}, as events.md asks).
 * A record that cannot be read, or whose reaction throws, propagates the exception: the binder retries it a bounded
 * number of times and then parks it in the dead-letter topic, and the next records flow.
 *
 * <p>The reaction itself should be idempotent too (deterministic ids, upserts): the processed-id record is written
 * after the reaction, so a crash between the two runs the reaction again on redelivery.
 */
public final class InboundEvents {

    static final String COLLECTION = "consumed_events";
    private static final Logger log = LoggerFactory.getLogger(InboundEvents.class);

    private final MongoTemplate mongo;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final String metricPrefix;

    public InboundEvents(MongoTemplate mongo, JsonMapper json, MeterRegistry meters, String metricPrefix) {
        this.mongo = mongo;
        this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        this.meters = meters;
        this.metricPrefix = metricPrefix;
    }

    public <T> Consumer<Message<byte[]>> reaction(String name, Class<T> dataType, Consumer<Received<T>> reaction) {
        return message -> {
            CloudEvent event = json.readValue(message.getPayload(), CloudEvent.class);
            if (event.id() == null || event.data() == null) {
                throw new IllegalArgumentException("Not a CloudEvent with id and data: " + name);
            }
            String key = name + "/" + event.id();
            if (mongo.exists(Query.query(Criteria.where("_id").is(key)), COLLECTION)) {
                meters.counter(metricPrefix + ".event.duplicate", "reaction", name).increment();
                log.debug("{}: event {} already handled, skipped", name, event.id());
                return;
            }
            T data = json.treeToValue(event.data(), dataType);
            reaction.accept(new Received<>(event.id(), event.type(), event.subject(), event.time(),
                    event.chapterid(), data));
            try {
                mongo.insert(new org.bson.Document("_id", key).append("at", Instant.now()), COLLECTION);
            } catch (DuplicateKeyException concurrent) {
                // handled twice concurrently: the reaction is idempotent, nothing to do
            }
            Object topic = message.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC);
            meters.counter(metricPrefix + ".event.consumed", "reaction", name, "topic", String.valueOf(topic),
                    "chapter", String.valueOf(event.chapterid())).increment();
        };
    }
}
