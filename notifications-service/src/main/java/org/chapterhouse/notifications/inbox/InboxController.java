package org.chapterhouse.notifications.inbox;

import java.time.Instant;
import org.chapterhouse.support.security.Caller;
import org.chapterhouse.support.web.ApiProblem;
import org.chapterhouse.support.web.PageQuery;
import org.chapterhouse.support.web.PageResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own inbox; nobody can read or mark anyone else's. */
@RestController
@RequestMapping("/api/v1/notifications")
class InboxController {

    private final Inbox inbox;

    InboxController(Inbox inbox) {
        this.inbox = inbox;
    }

    record UnreadCount(long count) {
    }

    record Updated(long updated) {
    }

    @GetMapping
    PageResponse<NotificationView> list(Caller caller, @RequestParam(required = false) Boolean unread,
                                        @RequestParam(required = false) Instant before,
                                        @RequestParam(required = false) Integer page,
                                        @RequestParam(required = false) Integer size) {
        // 'before' is a cursor: the createdAt of the last item already seen; with it, page stays 0
        PageResponse<Notification> result = inbox.list(caller.memberId(), Boolean.TRUE.equals(unread), before,
                PageQuery.of(page, size));
        return new PageResponse<>(result.items().stream().map(NotificationView::of).toList(), result.page(),
                result.size(), result.total());
    }

    @GetMapping("/unread-count")
    UnreadCount unreadCount(Caller caller) {
        return new UnreadCount(inbox.unreadCount(caller.memberId()));
    }

    @PostMapping("/{id}/read")
    ResponseEntity<Void> read(Caller caller, @PathVariable String id) {
        if (!inbox.markRead(caller.memberId(), id)) {
            throw ApiProblem.notFound("Notification", id);
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/read-all")
    Updated readAll(Caller caller) {
        return new Updated(inbox.markAllRead(caller.memberId()));
    }
}
