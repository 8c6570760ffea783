package org.chapterhouse.gateway;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Turns what goes wrong at the gateway into problem+json: an unreachable or slow downstream service is a 503 that
 * names it, an unknown path a 404, an oversized body a 413.
 */
@Component
@Order(-2)
class GatewayErrors implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrors.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        String service = route == null ? "the service" : route.getId() + "-service";
        if (causedBy(error, ConnectException.class) || causedBy(error, TimeoutException.class)
                || causedBy(error, io.netty.channel.ConnectTimeoutException.class)) {
            log.warn("{} unavailable for {}: {}", service, exchange.getRequest().getPath(), error.toString());
            exchange.getResponse().getHeaders().set("Retry-After", Unavailable.RETRY_AFTER_SECONDS);
            return Problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                    "Service unavailable", service + " is unavailable; try again shortly");
        }
        if (error instanceof ResponseStatusException rse) {
            HttpStatus status = HttpStatus.resolve(rse.getStatusCode().value());
            if (status == null) {
                status = HttpStatus.INTERNAL_SERVER_ERROR;
            }
            if (status == HttpStatus.SERVICE_UNAVAILABLE || status == HttpStatus.GATEWAY_TIMEOUT) {
                exchange.getResponse().getHeaders().set("Retry-After", Unavailable.RETRY_AFTER_SECONDS);
                return Problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                        "Service unavailable", service + " is unavailable; try again shortly");
            }
            String detail = switch (status) {
                case NOT_FOUND -> "No such endpoint: " + exchange.getRequest().getPath().value();
                case PAYLOAD_TOO_LARGE -> "The request body is larger than the limit";
                default -> rse.getReason() == null ? status.getReasonPhrase() : rse.getReason();
            };
            return Problems.write(exchange, status, status == HttpStatus.NOT_FOUND ? "not-found"
                    : "http-" + status.value(), status.getReasonPhrase(), detail);
        }
        log.error("Gateway error on {}", exchange.getRequest().getPath(), error);
        return Problems.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "Something went wrong at the gateway; it has been logged");
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
