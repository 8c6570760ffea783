package org.chapterhouse.notifications.email;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.chapterhouse.notifications.NotificationsProperties;
import org.chapterhouse.notifications.inbox.Inbox;
import org.chapterhouse.notifications.inbox.Notification;
import org.chapterhouse.notifications.preference.EmailFrequency;
import org.chapterhouse.notifications.preference.Preferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Daily and weekly digests: after a period ends (a UTC day; an ISO week, Monday to Sunday), each member who wants a
 * digest of that frequency gets one email with their still-unread notifications of that period whose kind they want
 * at that frequency, grouped by chapter and kind. Each (member, frequency, period) is claimed by one compare-and-set
 * on the member's preference document, so a digest goes out at most once per period however many instances run; a
 * failed send gives the claim back, and a later round retries it.
 */
@Component
public class Digests {

    private static final Logger log = LoggerFactory.getLogger(Digests.class);
    private static final int BATCH = 100;

    private final Preferences preferences;
    private final Inbox inbox;
    private final Mailer mailer;
    private final NotificationsProperties.Mail config;
    private final Clock clock;
    private final MeterRegistry meters;

    Digests(Preferences preferences, Inbox inbox, Mailer mailer, NotificationsProperties properties, Clock clock,
            MeterRegistry meters) {
        this.preferences = preferences;
        this.inbox = inbox;
        this.mailer = mailer;
        this.config = properties.mail();
        this.clock = clock;
        this.meters = meters;
    }

    @Scheduled(fixedDelayString = "${chapterhouse.notifications.mail.digest-poll:60s}", initialDelay = 5000)
    void scheduled() {
        if (config.enabled()) {
            sendDue(clock.instant());
        }
    }

    /** Sends every digest due at {@code now}; returns how many were sent. */
    public int sendDue(Instant now) {
        int sent = 0;
        for (EmailFrequency mode : List.of(EmailFrequency.DAILY, EmailFrequency.WEEKLY)) {
            Period p = lastCompleted(mode, now);
            List<Preferences.Preference> due;
            do {
                due = preferences.dueForDigest(mode, p.id(), BATCH);
                for (Preferences.Preference member : due) {
                    sent += send(member, mode, p) ? 1 : 0;
                }
            } while (due.size() == BATCH);
        }
        return sent;
    }

    private boolean send(Preferences.Preference member, EmailFrequency mode, Period p) {
        Preferences.Claim claim = preferences.claimDigest(member.memberId(), mode, p.id());
        if (claim == null) {
            return false; // another instance has it
        }
        List<Notification> items = inbox.unreadBetween(member.memberId(), p.from(), p.to()).stream()
                .filter(n -> member.frequencyOf(n.kind()) == mode).toList();
        if (items.isEmpty() || member.email() == null) {
            return false;
        }
        try {
            mailer.send(member.email(), Mails.digest(config, mode.name(), p.id(), items), "digest");
            meters.counter("notifications.digest.sent", "frequency", mode.name()).increment();
            return true;
        } catch (RuntimeException e) {
            log.warn("{} digest {} for {} failed, will retry: {}", mode, p.id(), member.memberId(), e.getMessage());
            preferences.release(claim);
            return false;
        }
    }

    record Period(String id, Instant from, Instant to) {
    }

    /** The last period of {@code mode} that has ended at {@code now}. */
    static Period lastCompleted(EmailFrequency mode, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        if (mode == EmailFrequency.DAILY) {
            LocalDate day = today.minusDays(1);
            return new Period(day.toString(), day.atStartOfDay(ZoneOffset.UTC).toInstant(),
                    today.atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        LocalDate thisMonday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate lastMonday = thisMonday.minusWeeks(1);
        String id = lastMonday.get(IsoFields.WEEK_BASED_YEAR) + "-W"
                + String.format("%02d", lastMonday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        return new Period(id, lastMonday.atStartOfDay(ZoneOffset.UTC).toInstant(),
                thisMonday.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
