package org.chapterhouse.notifications.email;

import io.micrometer.core.instrument.MeterRegistry;
import org.chapterhouse.notifications.NotificationsProperties;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** Sends one plain-text email through the configured SMTP server ({@code spring.mail.*}). */
@Component
class Mailer {

    private final JavaMailSender sender;
    private final NotificationsProperties.Mail config;
    private final MeterRegistry meters;

    Mailer(JavaMailSender sender, NotificationsProperties properties, MeterRegistry meters) {
        this.sender = sender;
        this.config = properties.mail();
        this.meters = meters;
    }

    void send(String to, Mails.Mail mail, String type) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(config.from());
        message.setTo(to);
        message.setSubject(mail.subject());
        message.setText(mail.text());
        try {
            sender.send(message);
        } catch (RuntimeException e) {
            meters.counter("notifications.email.failed", "type", type).increment();
            throw e;
        }
        meters.counter("notifications.email.sent", "type", type).increment();
    }
}
