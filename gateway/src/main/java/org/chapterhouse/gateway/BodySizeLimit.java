package org.chapterhouse.gateway;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses a request whose declared body is over the limit (64 KiB) with a 413 problem before it is routed.
 * A chunked body without a length is forwarded; each service enforces the same limit on what it reads.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class BodySizeLimit implements WebFilter {

    private final long limit;

    BodySizeLimit(@Value("${chapterhouse.gateway.max-body-bytes:65536}") long limit) {
        this.limit = limit;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > limit) {
            return Problems.write(exchange, HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", "Payload too large",
                    "The request body is larger than " + limit + " bytes");
        }
        return chain.filter(exchange);
    }
}
