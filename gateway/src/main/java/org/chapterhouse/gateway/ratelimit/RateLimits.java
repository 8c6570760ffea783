package org.chapterhouse.gateway.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.net.InetSocketAddress;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.chapterhouse.gateway.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every routed request takes one token from its member's bucket (the token's {@code sub}, or the client address
 * for anonymous callers) and one from each chapter it acts in: the {@code chapterId} query parameter when given,
 * otherwise every chapter in the token's {@code chapters} claim. Reads (GET, HEAD, OPTIONS) and writes have
 * separate budgets. An empty bucket answers 429 problem+json with {@code Retry-After}; every answer carries
 * {@code RateLimit-Limit}, {@code -Remaining} and {@code -Reset} of the tightest bucket it used. When the budget
 * store fails (Redis away), requests pass: limits are protection, not a reason to refuse service.
 */
final class RateLimits implements GlobalFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(RateLimits.class);

    private record Charge(String key, String who, BucketConfiguration configuration, long capacity) {
    }

    private record Taken(Charge charge, ConsumptionProbe probe) {
    }

    private final Budgets budgets;
    private final BucketConfiguration memberRead;
    private final BucketConfiguration memberWrite;
    private final BucketConfiguration chapterRead;
    private final BucketConfiguration chapterWrite;
    private final RateLimitProperties properties;

    RateLimits(Budgets budgets, RateLimitProperties properties) {
        this.budgets = budgets;
        this.properties = properties;
        this.memberRead = configuration(properties.member().read());
        this.memberWrite = configuration(properties.member().write());
        this.chapterRead = configuration(properties.chapter().read());
        this.chapterWrite = configuration(properties.chapter().write());
    }

    private static BucketConfiguration configuration(RateLimitProperties.Limit limit) {
        return BucketConfiguration.builder().addLimit(Bandwidth.builder().capacity(limit.capacity())
                .refillGreedy(limit.capacity(), limit.period()).build()).build();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal().map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(principal -> Flux.fromIterable(charges(exchange, principal.orElse(null)))
                        .concatMap(c -> budgets.take(c.key(), c.configuration()).map(p -> new Taken(c, p)))
                        .takeUntil(t -> !t.probe().isConsumed())
                        .collectList()
                        .onErrorResume(e -> {
                            log.warn("Rate limits not applied ({}); letting the request pass", e.toString());
                            return Mono.just(List.of());
                        }))
                .flatMap(taken -> {
                    if (taken.isEmpty()) {
                        return chain.filter(exchange);
                    }
                    Taken last = taken.get(taken.size() - 1);
                    if (!last.probe().isConsumed()) {
                        return tooMany(exchange, last);
                    }
                    Taken tightest = taken.get(0);
                    for (Taken t : taken) {
                        if (t.probe().getRemainingTokens() < tightest.probe().getRemainingTokens()) {
                            tightest = t;
                        }
                    }
                    headers(exchange, tightest);
                    return chain.filter(exchange);
                });
    }

    private List<Charge> charges(ServerWebExchange exchange, Principal principal) {
        HttpMethod method = exchange.getRequest().getMethod();
        boolean read = HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)
                || HttpMethod.OPTIONS.equals(method);
        String kind = read ? "read" : "write";
        var member = read ? properties.member().read() : properties.member().write();
        var chapter = read ? properties.chapter().read() : properties.chapter().write();
        BucketConfiguration memberConfig = read ? memberRead : memberWrite;
        BucketConfiguration chapterConfig = read ? chapterRead : chapterWrite;
        List<Charge> charges = new ArrayList<>(3);
        if (principal instanceof JwtAuthenticationToken jwt) {
            String sub = jwt.getToken().getSubject();
            charges.add(new Charge("member:" + sub + ":" + kind, "this member", memberConfig, member.capacity()));
            for (String chapterId : chapters(exchange, jwt)) {
                charges.add(new Charge("chapter:" + chapterId + ":" + kind, "chapter " + chapterId, chapterConfig,
                        chapter.capacity()));
            }
        } else {
            InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
            String address = remote == null || remote.getAddress() == null ? "unknown"
                    : remote.getAddress().getHostAddress();
            charges.add(new Charge("address:" + address + ":" + kind, "this client", memberConfig,
                    member.capacity()));
        }
        return charges;
    }

    private static Collection<String> chapters(ServerWebExchange exchange, JwtAuthenticationToken jwt) {
        String given = exchange.getRequest().getQueryParams().getFirst("chapterId");
        if (given != null && !given.isBlank()) {
            return List.of(given.length() > 100 ? given.substring(0, 100) : given);
        }
        Object claim = jwt.getToken().getClaims().get("chapters");
        if (claim instanceof Map<?, ?> map) {
            return map.keySet().stream().map(String::valueOf).toList();
        }
        if (claim instanceof Collection<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of();
    }

    private static void headers(ServerWebExchange exchange, Taken taken) {
        var headers = exchange.getResponse().getHeaders();
        headers.set("RateLimit-Limit", Long.toString(taken.charge().capacity()));
        headers.set("RateLimit-Remaining", Long.toString(Math.max(0, taken.probe().getRemainingTokens())));
        headers.set("RateLimit-Reset", Long.toString(seconds(taken.probe().getNanosToWaitForReset())));
    }

    private static Mono<Void> tooMany(ServerWebExchange exchange, Taken taken) {
        long retryAfter = Math.max(1, seconds(taken.probe().getNanosToWaitForRefill()));
        headers(exchange, taken);
        exchange.getResponse().getHeaders().set("Retry-After", Long.toString(retryAfter));
        String kind = taken.charge().key().endsWith(":read") ? "reads" : "writes";
        return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests",
                "Too many " + kind + " for " + taken.charge().who() + "; retry in " + retryAfter + " s");
    }

    private static long seconds(long nanos) {
        return (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
    }
}
