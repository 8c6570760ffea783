package org.chapterhouse.notifications;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.UUID;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the notifications ITs add to the shared test infrastructure: a real SMTP server (GreenMail, started once per
 * test JVM), fast schedules, webhooks allowed to call http://localhost, and a consumer group of the context's own
 * (so a second application context never takes this one's partitions).
 */
public class LocalTestSetup implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static GreenMail smtp;

    public static synchronized GreenMail smtp() {
        if (smtp == null) {
            smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
            smtp.start();
            Runtime.getRuntime().addShutdownHook(new Thread(smtp::stop));
        }
        return smtp;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(
                "spring.mail.host=127.0.0.1",
                "spring.mail.port=" + smtp().getSmtp().getPort(),
                "spring.cloud.stream.default.group=notifications-it-" + UUID.randomUUID(),
                "chapterhouse.notifications.mail.instant-poll=200ms",
                "chapterhouse.notifications.mail.digest-poll=1h",
                "chapterhouse.notifications.stream.poll=200ms",
                "chapterhouse.notifications.stream.heartbeat=1s",
                "chapterhouse.notifications.webhooks.allow-http-localhost=true",
                "chapterhouse.notifications.webhooks.initial-backoff=200ms",
                "chapterhouse.notifications.webhooks.max-backoff=1s",
                "chapterhouse.notifications.webhooks.poll=100ms",
                "chapterhouse.notifications.webhooks.timeout=2s",
                "chapterhouse.notifications.webhooks.max-consecutive-failures=4",
                "chapterhouse.notifications.webhooks.max-attempts=6"
        ).applyTo(context);
    }
}
