package org.chapterhouse.support.testing;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.chapterhouse.support.events.CloudEvent;
import org.chapterhouse.support.events.EventContract;
import tools.jackson.databind.json.JsonMapper;

/** Publishes CloudEvents (or raw bytes) as a producing service would, for testing consumers. */
public final class EventSender implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final KafkaProducer<String, byte[]> producer;

    public EventSender(String bootstrap) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.ACKS_CONFIG, "all"));
    }

    /** Sends an event with a fresh id; returns the id. */
    public String send(String topic, String key, String chapterId, Object data) {
        String id = UUID.randomUUID().toString();
        send(topic, key, chapterId, data, id);
        return id;
    }

    public void send(String topic, String key, String chapterId, Object data, String eventId) {
        EventContract c = EventContract.of(topic);
        CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, eventId, c.source(), c.type(), key, Instant.now(),
                "application/json", c.dataschema(), chapterId, JSON.valueToTree(data));
        sendRaw(topic, key, JSON.writeValueAsBytes(event));
    }

    public void sendRaw(String topic, String key, byte[] value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        record.headers().add("content-type", CloudEvent.CONTENT_TYPE.getBytes());
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
