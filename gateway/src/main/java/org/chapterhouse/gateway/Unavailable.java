package org.chapterhouse.gateway;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.net.URI;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The circuit breakers' fallback ({@code forward:/unavailable/<service>}): a 503 problem that names the service,
 * with {@code Retry-After}. It answers at once while a breaker is open, and also when a call failed to connect or
 * ran past the route's time limit.
 */
@Configuration(proxyBeanMethods = false)
class Unavailable {

    static final String RETRY_AFTER_SECONDS = "5";
    private static final Logger log = LoggerFactory.getLogger(Unavailable.class);
    private static final Set<String> SERVICES = Set.of("members", "discussions", "stories", "notifications",
            "analytics");

    @Bean
    RouterFunction<ServerResponse> unavailableFallback() {
        return RouterFunctions.route().path("/unavailable/{service}", b -> b.route(r -> true, request -> {
            String service = request.pathVariable("service");
            if (!SERVICES.contains(service)) {
                return ServerResponse.notFound().build();
            }
            var exchange = request.exchange();
            Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
            Set<URI> original = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ORIGINAL_REQUEST_URL_ATTR);
            String instance = original == null || original.isEmpty() ? request.path()
                    : original.iterator().next().getPath();
            if (cause != null && !(cause instanceof CallNotPermittedException)) {
                log.warn("{}-service unavailable for {}: {}", service, instance, cause.toString());
            }
            return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .header("Retry-After", RETRY_AFTER_SECONDS)
                    .bodyValue(Problems.json(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                            "Service unavailable", service + "-service is unavailable; try again shortly", instance));
        })).build();
    }
}
