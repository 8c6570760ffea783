package org.chapterhouse.notifications.stream;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicInteger;
import org.chapterhouse.notifications.NotificationsProperties;
import org.chapterhouse.notifications.inbox.Inbox;
import org.chapterhouse.notifications.inbox.Notification;
import org.chapterhouse.notifications.inbox.NotificationView;
import org.chapterhouse.support.web.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open Server-Sent Events streams of this instance, and how they learn of new notifications when several
 * instances run: every instance polls the shared store, once per {@code poll}, for notifications created recently
 * for the members connected to it (one indexed query, {@code recipientId $in [...]}), whichever instance consumed
 * the event and wrote them. Each poll looks back {@code overlap} past the previous one, so a write that landed late
 * or an instance clock slightly behind loses nothing; what a stream was already sent is remembered per stream, so
 * nothing is sent twice. No change streams (the local wire server has none) and no extra topic are needed, and the
 * store stays the single source of truth.
 */
@Component
class LiveStreams {

    private static final Logger log = LoggerFactory.getLogger(LiveStreams.class);
    private static final int REMEMBERED = 500;
    private static final int MAX_PER_POLL = 2000;

    private final Map<String, Set<Connection>> byMember = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final Inbox inbox;
    private final NotificationsProperties.Stream config;
    private final Clock clock;
    private final MeterRegistry meters;
    private volatile Instant lastPoll;

    LiveStreams(Inbox inbox, NotificationsProperties properties, Clock clock, MeterRegistry meters) {
        this.inbox = inbox;
        this.config = properties.stream();
        this.clock = clock;
        this.meters = meters;
        this.lastPoll = clock.instant();
        Gauge.builder("notifications.stream.connected", open, AtomicInteger::get)
                .description("Server-Sent Events streams open on this instance").register(meters);
    }

    final class Connection {
        final String memberId;
        final SseEmitter emitter;
        final Instant openedAt;
        private final Set<String> sent = Collections.newSetFromMap(new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > REMEMBERED;
            }
        });

        Connection(String memberId, SseEmitter emitter, Instant openedAt) {
            this.memberId = memberId;
            this.emitter = emitter;
            this.openedAt = openedAt;
        }

        private long lastCount = -1;

        synchronized boolean firstTime(String notificationId) {
            return sent.add(notificationId);
        }

        /** True if {@code count} differs from the last unread count this stream was sent. */
        synchronized boolean countChanged(long count) {
            boolean changed = count != lastCount;
            lastCount = count;
            return changed;
        }

        synchronized void send(SseEmitter.SseEventBuilder event) throws IOException {
            emitter.send(event);
        }
    }

    SseEmitter open(String memberId) {
        if (open.get() >= config.maxConnections()) {
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "too-many-streams", "Too many streams",
                    "This instance has too many open streams; retry later", null);
        }
        SseEmitter emitter = new SseEmitter(config.timeout().toMillis());
        Connection c = new Connection(memberId, emitter, clock.instant());
        byMember.computeIfAbsent(memberId, m -> new CopyOnWriteArraySet<>()).add(c);
        open.incrementAndGet();
        meters.counter("notifications.stream.opened").increment();
        Runnable close = () -> remove(c);
        emitter.onCompletion(close);
        emitter.onTimeout(close);
        emitter.onError(e -> close.run());
        try {
            long count = inbox.unreadCount(memberId);
            c.countChanged(count);
            c.send(SseEmitter.event().reconnectTime(3000).name("unread-count")
                    .data(Map.of("count", count), MediaType.APPLICATION_JSON));
        } catch (IOException e) {
            remove(c);
        }
        return emitter;
    }

    private void remove(Connection c) {
        Set<Connection> set = byMember.get(c.memberId);
        if (set != null && set.remove(c)) {
            open.decrementAndGet();
            if (set.isEmpty()) {
                byMember.remove(c.memberId, set);
            }
        }
    }

    @Scheduled(fixedDelayString = "${chapterhouse.notifications.stream.poll:1s}")
    void poll() {
        Instant now = clock.instant();
        Instant since = lastPoll.minus(config.overlap());
        lastPoll = now;
        if (byMember.isEmpty()) {
            return;
        }
        List<String> members = new ArrayList<>(byMember.keySet());
        Set<String> touched = new HashSet<>();
        for (Notification n : inbox.changedSince(members, since, MAX_PER_POLL)) {
            if (n.readAt() != null && !n.readAt().isBefore(since)) {
                touched.add(n.recipientId()); // read meanwhile, on whichever instance: the count changed
            }
            for (Connection c : byMember.getOrDefault(n.recipientId(), Set.of())) {
                if (n.readAt() != null || n.createdAt().isBefore(c.openedAt.minus(config.overlap()))
                        || !c.firstTime(n.id())) {
                    continue;
                }
                touched.add(n.recipientId());
                deliver(c, SseEmitter.event().id(n.id()).name("notification")
                        .data(NotificationView.of(n), MediaType.APPLICATION_JSON));
            }
        }
        for (String member : touched) {
            long count = inbox.unreadCount(member);
            for (Connection c : byMember.getOrDefault(member, Set.of())) {
                if (c.countChanged(count)) {
                    deliver(c, SseEmitter.event().name("unread-count").data(Map.of("count", count),
                            MediaType.APPLICATION_JSON));
                }
            }
        }
    }

    @Scheduled(fixedDelayString = "${chapterhouse.notifications.stream.heartbeat:15s}")
    void heartbeat() {
        byMember.values().forEach(set -> set.forEach(c -> deliver(c, SseEmitter.event().comment("heartbeat"))));
    }

    private void deliver(Connection c, SseEmitter.SseEventBuilder event) {
        try {
            c.send(event);
        } catch (IOException | IllegalStateException gone) {
            log.debug("Stream of {} closed: {}", c.memberId, gone.getMessage());
            remove(c);
            c.emitter.completeWithError(gone);
        }
    }
}
