package org.chapterhouse.notifications.stream;

import org.chapterhouse.support.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/v1/notifications/stream}: a Server-Sent Events stream of the caller's own new notifications
 * ({@code event: notification}) and unread count ({@code event: unread-count}, sent at once and after changes), with
 * a comment line as heartbeat.
 */
@RestController
class StreamController {

    private final LiveStreams streams;

    StreamController(LiveStreams streams) {
        this.streams = streams;
    }

    @GetMapping(path = "/api/v1/notifications/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(Caller caller) {
        return streams.open(caller.memberId());
    }
}
