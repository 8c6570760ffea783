package org.chapterhouse.notifications.webhook;

import java.util.function.Consumer;
import org.chapterhouse.support.events.CloudEvent;
import org.chapterhouse.support.events.EventContract;
import org.chapterhouse.support.inbound.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Queues a delivery of each chapter event (questions, answers, acceptances, submitted and shared stories) for every
 * active webhook of its chapter. The event is passed on as the producer published it: same CloudEvents id, type,
 * source, time and data.
 */
@Configuration(proxyBeanMethods = false)
class WebhookReactions {

    @Bean
    Consumer<Message<byte[]>> forwardToChapterWebhooks(InboundEvents inbound, Webhooks webhooks,
                                                       Deliveries deliveries, JsonMapper json) {
        return message -> {
            String topic = String.valueOf(message.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC));
            inbound.reaction("forwardToChapterWebhooks", JsonNode.class, e -> {
                if (e.chapterId() == null) {
                    return;
                }
                var hooks = webhooks.activeOf(e.chapterId());
                if (hooks.isEmpty()) {
                    return;
                }
                EventContract contract = EventContract.of(topic);
                String body = json.writeValueAsString(new CloudEvent(CloudEvent.SPEC_VERSION, e.id(),
                        contract.source(), e.type(), e.subject(), e.time(), "application/json",
                        contract.dataschema(), e.chapterId(), e.data()));
                hooks.forEach(h -> deliveries.enqueue(h.id(), e.chapterId(), e.id(), e.type(), body));
            }).accept(message);
        };
    }
}
