package org.chapterhouse.notifications.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.chapterhouse.notifications.NotificationsProperties;
import org.chapterhouse.support.events.CloudEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Works the delivery queue: POSTs each due delivery to its webhook as a structured-mode CloudEvent, signed. A 2xx
 * answer delivers it; anything else (or no answer within the timeout) is a failed attempt, retried after an
 * exponential back-off ({@code initial-backoff} × 2^(attempts-1), at most {@code max-backoff}) up to
 * {@code max-attempts}. After {@code max-consecutive-failures} failed attempts in a row the webhook is disabled and
 * its pending deliveries abandoned; the lead sees all of it in the delivery log.
 */
@Component
class WebhookSender {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    private static final int BATCH = 50;

    private final Deliveries deliveries;
    private final Webhooks webhooks;
    private final NotificationsProperties.Webhooks config;
    private final Clock clock;
    private final MeterRegistry meters;
    private final HttpClient http;
    private final WebhookUrls urls;

    WebhookSender(Deliveries deliveries, Webhooks webhooks, WebhookUrls urls, NotificationsProperties properties,
                  Clock clock, MeterRegistry meters) {
        this.deliveries = deliveries;
        this.urls = urls;
        this.webhooks = webhooks;
        this.config = properties.webhooks();
        this.clock = clock;
        this.meters = meters;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Scheduled(fixedDelayString = "${chapterhouse.notifications.webhooks.poll:500ms}", initialDelay = 1000)
    void sendDue() {
        for (int i = 0; i < BATCH; i++) {
            Deliveries.Delivery d = deliveries.claimDue(config.timeout().multipliedBy(3));
            if (d == null) {
                return;
            }
            attempt(d);
        }
    }

    private void attempt(Deliveries.Delivery d) {
        Webhooks.Webhook hook = webhooks.find(d.webhookId());
        if (hook == null || !hook.active()) {
            deliveries.abandonOne(d.id());
            return;
        }
        byte[] body = d.body().getBytes(StandardCharsets.UTF_8);
        Instant started = clock.instant();
        Integer status = null;
        String error = null;
        try {
            // checked again before every attempt: the host may resolve elsewhere by now (DNS rebinding)
            urls.check(hook.url());
            HttpRequest request = HttpRequest.newBuilder(URI.create(hook.url())).timeout(config.timeout())
                    .header("Content-Type", CloudEvent.CONTENT_TYPE)
                    .header("User-Agent", "Chapterhouse-Webhooks/1")
                    .header(Signatures.SIGNATURE_HEADER, Signatures.sign(hook.secret(), body))
                    .header(Signatures.TIMESTAMP_HEADER, String.valueOf(started.getEpochSecond()))
                    .header(Signatures.DELIVERY_HEADER, d.id())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            if (status < 200 || status >= 300) {
                error = "HTTP " + status;
            }
        } catch (org.chapterhouse.support.web.ApiProblem refused) {
            error = "refused: " + refused.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        Instant ended = clock.instant();
        Deliveries.Attempt attempt = new Deliveries.Attempt(started, status, error,
                Duration.between(started, ended).toMillis());
        if (error == null) {
            deliveries.delivered(d, attempt);
            webhooks.succeeded(hook.id());
            meters.counter("notifications.webhook.delivered").increment();
            return;
        }
        meters.counter("notifications.webhook.failed").increment();
        int attempts = d.attempts() + 1;
        Instant next = attempts >= config.maxAttempts() ? null : ended.plus(backoff(attempts));
        deliveries.failed(d, attempt, next);
        if (webhooks.failed(hook.id(), config.maxConsecutiveFailures())) {
            deliveries.abandon(hook.id());
            meters.counter("notifications.webhook.disabled").increment();
            log.warn("Webhook {} of chapter {} disabled after {} consecutive failures", hook.id(), hook.chapterId(),
                    config.maxConsecutiveFailures());
        }
    }

    Duration backoff(int attempts) {
        Duration d = config.initialBackoff().multipliedBy(1L << Math.min(attempts - 1, 20));
        return d.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : d;
    }
}
