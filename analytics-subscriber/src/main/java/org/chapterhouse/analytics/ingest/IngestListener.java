package org.chapterhouse.analytics.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chapterhouse.analytics.facts.FactStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Stores every event of the public topics as a fact. The container commits a record's offset only after this method
 * returns (ack mode {@code record}), i.e. after the store write: at least once. A repeat is harmless, the store keys
 * facts by event id. A record that is not a readable CloudEvent is logged, counted and skipped; a failed store write
 * throws, and the container retries that record with back-off (see {@link IngestConfig}).
 */
@Component
class IngestListener {

    /** The listener container's id, for {@code KafkaListenerEndpointRegistry} (stop, start, replay). */
    static final String ID = "analytics-ingest";

    private static final Logger log = LoggerFactory.getLogger(IngestListener.class);

    private final EventReader reader = new EventReader();
    private final FactStore facts;
    private final MeterRegistry meters;

    IngestListener(FactStore facts, MeterRegistry meters) {
        this.facts = facts;
        this.meters = meters;
    }

    @KafkaListener(id = ID, idIsGroup = false, groupId = "${chapterhouse.analytics.group}",
            topics = {Topics.MEMBER_REGISTERED, Topics.MEMBER_JOINED_CHAPTER, Topics.QUESTION_POSTED,
                    Topics.ANSWER_POSTED, Topics.ANSWER_ACCEPTED, Topics.STORY_SHARED, Topics.MEMBER_ERASED,
                    Topics.ANSWER_UNACCEPTED})
    void ingest(ConsumerRecord<String, byte[]> record) {
        Reading reading = reader.read(record.value());
        if (reading.skipped()) {
            log.warn("Skipped {}-{}@{} (key {}): {}: {}", record.topic(), record.partition(), record.offset(),
                    record.key(), reading.skipReason(), reading.detail());
            Counter.builder("analytics.event.skipped").description("records that are not a readable CloudEvent")
                    .tag("topic", record.topic()).tag("reason", reading.skipReason()).register(meters).increment();
            return;
        }
        boolean stored = facts.store(reading.fact());
        Counter.builder("analytics.event.ingested").description("events read and stored as facts")
                .tag("topic", record.topic()).tag("outcome", stored ? "new" : "repeat").register(meters)
                .increment();
    }
}
