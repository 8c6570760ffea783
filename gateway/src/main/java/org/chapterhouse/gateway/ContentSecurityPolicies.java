package org.chapterhouse.gateway;

import java.util.List;
import org.springframework.http.server.PathContainer;
import org.springframework.security.web.server.header.ServerHttpHeadersWriter;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * {@code Content-Security-Policy} by path (first match wins): the API answers with a policy that allows nothing, the
 * API docs page and the web app with their own. A policy a service sets on its response is kept.
 */
final class ContentSecurityPolicies implements ServerHttpHeadersWriter {

    static final String HEADER = "Content-Security-Policy";

    private record Rule(List<PathPattern> patterns, String policy) {
    }

    private final List<Rule> rules;

    ContentSecurityPolicies(List<GatewayProperties.PathPolicy> policies) {
        this.rules = policies.stream().map(p -> new Rule(
                p.paths().stream().map(PathPatternParser.defaultInstance::parse).toList(), p.policy())).toList();
    }

    @Override
    public Mono<Void> writeHttpHeaders(ServerWebExchange exchange) {
        var headers = exchange.getResponse().getHeaders();
        if (!headers.containsHeader(HEADER)) {
            String policy = policyFor(exchange.getRequest().getPath().pathWithinApplication());
            if (policy != null) {
                headers.set(HEADER, policy);
            }
        }
        return Mono.empty();
    }

    String policyFor(PathContainer path) {
        for (Rule rule : rules) {
            for (PathPattern pattern : rule.patterns()) {
                if (pattern.matches(path)) {
                    return rule.policy();
                }
            }
        }
        return null;
    }
}
