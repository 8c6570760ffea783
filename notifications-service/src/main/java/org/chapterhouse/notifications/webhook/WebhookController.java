package org.chapterhouse.notifications.webhook;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.chapterhouse.notifications.NotificationsProperties;
import org.chapterhouse.support.security.Caller;
import org.chapterhouse.support.web.ApiProblem;
import org.chapterhouse.support.web.PageQuery;
import org.chapterhouse.support.web.PageResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Chapter webhooks, for the leads of the chapter only. The secret is shown once, when the webhook is created. */
@RestController
@RequestMapping("/api/v1/webhooks")
class WebhookController {

    private final Webhooks webhooks;
    private final Deliveries deliveries;
    private final WebhookUrls urls;
    private final NotificationsProperties.Webhooks config;

    WebhookController(Webhooks webhooks, Deliveries deliveries, WebhookUrls urls, NotificationsProperties properties) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.urls = urls;
        this.config = properties.webhooks();
    }

    record WebhookRequest(@NotBlank @Size(max = 2000) String url, @Size(max = 200) String description) {
    }

    record WebhookView(String id, String chapterId, String url, String description, boolean active,
                       int consecutiveFailures, Instant createdAt, Instant disabledAt, Instant lastSuccessAt) {
        static WebhookView of(Webhooks.Webhook w) {
            return new WebhookView(w.id(), w.chapterId(), w.url(), w.description(), w.active(),
                    w.consecutiveFailures(), w.createdAt(), w.disabledAt(), w.lastSuccessAt());
        }
    }

    /** The answer to a registration: the only time the signing secret is shown. */
    record CreatedWebhook(String id, String chapterId, String url, String description, boolean active,
                          Instant createdAt, String secret) {
    }

    record DeliveryView(String id, String eventId, String type, String status, int attempts, Instant createdAt,
                        Instant nextAttemptAt, Instant deliveredAt, List<Deliveries.Attempt> log) {
        static DeliveryView of(Deliveries.Delivery d) {
            return new DeliveryView(d.id(), d.eventId(), d.type(), d.status(), d.attempts(), d.createdAt(),
                    Deliveries.PENDING.equals(d.status()) ? d.nextAttemptAt() : null, d.deliveredAt(),
                    d.log() == null ? List.of() : d.log());
        }
    }

    @PostMapping
    ResponseEntity<CreatedWebhook> register(Caller caller, @RequestParam String chapterId,
                                            @Valid @RequestBody WebhookRequest request) {
        requireLead(caller, chapterId);
        String url = urls.check(request.url()).toString();
        if (webhooks.countOf(chapterId) >= config.maxPerChapter()) {
            throw ApiProblem.conflict("too-many-webhooks", "A chapter has at most " + config.maxPerChapter()
                    + " webhooks");
        }
        Webhooks.Webhook w = webhooks.register(chapterId, url, request.description(), caller.memberId());
        return ResponseEntity.status(HttpStatus.CREATED).body(new CreatedWebhook(w.id(), w.chapterId(), w.url(),
                w.description(), w.active(), w.createdAt(), w.secret()));
    }

    @GetMapping
    PageResponse<WebhookView> list(Caller caller, @RequestParam String chapterId) {
        requireLead(caller, chapterId);
        List<WebhookView> all = webhooks.ofChapter(chapterId).stream().map(WebhookView::of).toList();
        return new PageResponse<>(all, 0, Math.max(all.size(), 1), all.size());
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(Caller caller, @PathVariable String id) {
        Webhooks.Webhook w = ownedWebhook(caller, id);
        webhooks.delete(w.id());
        deliveries.deleteOf(w.id());
        return ResponseEntity.noContent().build();
    }

    /** Turns a disabled webhook back on (after the receiver is fixed). */
    @PostMapping("/{id}/activation")
    WebhookView reactivate(Caller caller, @PathVariable String id) {
        Webhooks.Webhook w = ownedWebhook(caller, id);
        webhooks.reactivate(w.id());
        return WebhookView.of(webhooks.find(w.id()));
    }

    @GetMapping("/{id}/deliveries")
    PageResponse<DeliveryView> deliveries(Caller caller, @PathVariable String id,
                                          @RequestParam(required = false) Integer page,
                                          @RequestParam(required = false) Integer size) {
        Webhooks.Webhook w = ownedWebhook(caller, id);
        PageResponse<Deliveries.Delivery> result = deliveries.of(w.id(), PageQuery.of(page, size));
        return new PageResponse<>(result.items().stream().map(DeliveryView::of).toList(), result.page(),
                result.size(), result.total());
    }

    private Webhooks.Webhook ownedWebhook(Caller caller, String id) {
        Webhooks.Webhook w = webhooks.find(id);
        if (w == null || !caller.isLeadOf(w.chapterId())) {
            throw ApiProblem.notFound("Webhook", id);
        }
        return w;
    }

    private static void requireLead(Caller caller, String chapterId) {
        if (!caller.isLeadOf(chapterId)) {
            throw ApiProblem.forbidden("Only a lead of chapter '" + chapterId + "' manages its webhooks");
        }
    }
}
