package org.chapterhouse.support.outbox;

import java.time.Instant;
import java.util.UUID;
import org.chapterhouse.support.events.EventContract;
import tools.jackson.databind.json.JsonMapper;

/**
 * An event waiting to be published, kept inside the document of the aggregate that raised it so that the state
 * change and the event are written by one atomic single-document update (no transaction needed). The relay
 * publishes it and then pulls it from the document.
 *
 * @param eventId the CloudEvents id, fixed when the event is raised, so a re-publish carries the same id
 * @param data    the event's {@code data}, serialised JSON
 */
public record OutboxEntry(String eventId, String topic, String key, String chapterId, Instant time, String data) {

    public static final String FIELD = "outbox";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Raises an event: {@code topic} names its contract, {@code key} is its Kafka key (and CloudEvents subject). */
    public static OutboxEntry of(String topic, String key, String chapterId, Object data) {
        EventContract.of(topic);
        return new OutboxEntry(UUID.randomUUID().toString(), topic, key, chapterId, Instant.now(),
                JSON.writeValueAsString(data));
    }
}
