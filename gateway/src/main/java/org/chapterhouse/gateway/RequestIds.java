package org.chapterhouse.gateway;

import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Every request carries an {@code X-Request-Id} downstream and back (a well-formed one from the client is kept),
 * and no client-sent identity header ever reaches a service. It runs first, for every request (the gateway's own
 * answers too: 401, 413, 429, the static page), before security and routing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIds implements WebFilter {

    static final String HEADER = "X-Request-Id";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    private final GatewayProperties properties;

    RequestIds(GatewayProperties properties) {
        this.properties = properties;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String given = exchange.getRequest().getHeaders().getFirst(HEADER);
        String id = given != null && SAFE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        var request = exchange.getRequest().mutate().headers(h -> {
            properties.identityHeaders().forEach(h::remove);
            h.set(HEADER, id);
        }).build();
        exchange.getResponse().getHeaders().set(HEADER, id);
        return chain.filter(exchange.mutate().request(request).build());
    }
}
