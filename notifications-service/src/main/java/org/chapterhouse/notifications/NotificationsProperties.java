package org.chapterhouse.notifications;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code chapterhouse.notifications.*}: the service's own settings (SMTP itself is {@code spring.mail.*}).
 */
@ConfigurationProperties("chapterhouse.notifications")
public record NotificationsProperties(@DefaultValue Mail mail, @DefaultValue Stream stream,
                                      @DefaultValue Webhooks webhooks) {

    /**
     * @param from          the From address of every email
     * @param webBaseUrl    where links in emails point (the gateway's public address)
     * @param instantPoll   how often pending instant emails are looked for
     * @param digestPoll    how often due digests are looked for
     */
    public record Mail(@DefaultValue("true") boolean enabled,
                       @DefaultValue("Chapterhouse <notifications@chapterhouse.example>") String from,
                       @DefaultValue("http://localhost:8080") String webBaseUrl,
                       @DefaultValue("1s") Duration instantPoll,
                       @DefaultValue("60s") Duration digestPoll) {
    }

    /**
     * @param poll      how often each instance looks in the shared store for new notifications of its connected members
     * @param overlap   how far back each poll looks again (tolerates clock skew between instances and slow writes)
     * @param heartbeat how often an idle stream gets a comment line
     * @param timeout   how long one stream stays open before the client reconnects
     */
    public record Stream(@DefaultValue("1s") Duration poll, @DefaultValue("10s") Duration overlap,
                         @DefaultValue("15s") Duration heartbeat, @DefaultValue("30m") Duration timeout,
                         @DefaultValue("1000") int maxConnections) {
    }

    /**
     * @param allowHttpLocalhost     accept {@code http://localhost...} URLs (local development and tests only)
     * @param allowPrivateAddresses  accept URLs whose host resolves to a private, loopback or link-local address
     * @param maxConsecutiveFailures failed attempts in a row after which a webhook is disabled
     * @param maxAttempts            attempts per delivery before it is given up
     */
    public record Webhooks(@DefaultValue("false") boolean allowHttpLocalhost,
                           @DefaultValue("false") boolean allowPrivateAddresses,
                           @DefaultValue("10") int maxConsecutiveFailures,
                           @DefaultValue("8") int maxAttempts,
                           @DefaultValue("10s") Duration initialBackoff,
                           @DefaultValue("1h") Duration maxBackoff,
                           @DefaultValue("500ms") Duration poll,
                           @DefaultValue("10s") Duration timeout,
                           @DefaultValue("10") int maxPerChapter) {
    }
}
