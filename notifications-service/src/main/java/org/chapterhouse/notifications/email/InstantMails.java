package org.chapterhouse.notifications.email;

import java.time.Clock;
import java.time.Duration;
import org.chapterhouse.notifications.NotificationsProperties;
import org.chapterhouse.notifications.inbox.Inbox;
import org.chapterhouse.notifications.inbox.Notification;
import org.chapterhouse.notifications.preference.Preferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the emails owed at once. Each notification marked {@code mail: PENDING} is claimed by one compare-and-set
 * (PENDING → SENDING), so however many instances run, each is mailed by one; a failed send goes back to PENDING and
 * is retried on the next round; a claim left by an instance that died is reclaimed after five minutes.
 */
@Component
class InstantMails {

    private static final Logger log = LoggerFactory.getLogger(InstantMails.class);
    private static final int BATCH = 100;

    private final Inbox inbox;
    private final Preferences preferences;
    private final Mailer mailer;
    private final NotificationsProperties.Mail config;
    private final Clock clock;

    InstantMails(Inbox inbox, Preferences preferences, Mailer mailer, NotificationsProperties properties, Clock clock) {
        this.inbox = inbox;
        this.preferences = preferences;
        this.mailer = mailer;
        this.config = properties.mail();
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${chapterhouse.notifications.mail.instant-poll:1s}", initialDelay = 1000)
    void sendPending() {
        if (!config.enabled()) {
            return;
        }
        inbox.reclaimStaleMail(clock.instant().minus(Duration.ofMinutes(5)));
        for (int i = 0; i < BATCH; i++) {
            Notification n = inbox.claimPendingMail();
            if (n == null) {
                return;
            }
            String to = preferences.of(n.recipientId()).email();
            if (to == null) {
                inbox.mailDone(n.id(), true);
                continue;
            }
            try {
                mailer.send(to, Mails.instant(config, n), "instant");
                inbox.mailDone(n.id(), true);
            } catch (RuntimeException e) {
                log.warn("Instant email for notification {} failed, will retry: {}", n.id(), e.getMessage());
                inbox.mailDone(n.id(), false);
                return;
            }
        }
    }
}
