package org.chapterhouse.notifications.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import org.chapterhouse.notifications.NotificationsProperties;
import org.chapterhouse.support.web.ApiProblem;
import org.springframework.stereotype.Component;

/**
 * Which URLs a webhook may call: https only (http only to localhost, and only when
 * {@code allow-http-localhost} is set), no user info, and never a host that resolves to a private, loopback,
 * link-local, unique-local, carrier-grade NAT, multicast or unspecified address (unless
 * {@code allow-private-addresses}), so a webhook cannot be aimed at the network inside.
 */
@Component
class WebhookUrls {

    private static final Set<String> LOCALHOST = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
    private final NotificationsProperties.Webhooks config;

    WebhookUrls(NotificationsProperties properties) {
        this.config = properties.webhooks();
    }

    URI check(String url) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.trim());
        } catch (URISyntaxException e) {
            throw invalid("not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (url.length() > 2000 || host.isEmpty() || uri.getUserInfo() != null || uri.getFragment() != null) {
            throw invalid("an absolute URL with a host, no user info and no fragment, at most 2000 characters");
        }
        boolean localhost = LOCALHOST.contains(host);
        if (scheme.equals("http")) {
            if (!(config.allowHttpLocalhost() && localhost)) {
                throw invalid("https is required");
            }
            return uri;
        }
        if (!scheme.equals("https")) {
            throw invalid("https is required");
        }
        if (localhost && config.allowHttpLocalhost()) {
            return uri;
        }
        if (!config.allowPrivateAddresses()) {
            InetAddress[] addresses;
            try {
                addresses = InetAddress.getAllByName(host);
            } catch (UnknownHostException e) {
                throw invalid("the host does not resolve");
            }
            for (InetAddress a : addresses) {
                if (isInternal(a)) {
                    throw invalid("the host resolves to a private, loopback or link-local address");
                }
            }
        }
        return uri;
    }

    static boolean isInternal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) || first >= 240;
        }
        return a instanceof Inet6Address && (b[0] & 0xfe) == 0xfc; // unique local fc00::/7
    }

    private static ApiProblem invalid(String why) {
        return ApiProblem.badRequest("invalid-webhook-url", "The webhook URL is not acceptable: " + why);
    }
}
