package org.chapterhouse.gateway;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code chapterhouse.gateway.*}.
 *
 * @param jwkSetUri       the token issuer's keys (members-service by default); ignored when {@code issuerUri} is set
 * @param issuerUri       an OIDC issuer to trust instead: its discovery document names the keys and the {@code iss}
 * @param issuer          the expected {@code iss} with {@code jwkSetUri}
 * @param publicPaths     what anyone may call, {@code "METHOD /pattern"} or {@code "/pattern"}
 * @param identityHeaders headers a client could use to pose as someone: always removed before forwarding
 * @param cors            browser origins allowed to call cross-origin
 * @param headers         security headers on every response
 */
@ConfigurationProperties("chapterhouse.gateway")
record GatewayProperties(String jwkSetUri, String issuerUri, @DefaultValue("chapterhouse") String issuer,
                         List<String> publicPaths, List<String> identityHeaders, @DefaultValue Cors cors,
                         @DefaultValue Headers headers) {

    GatewayProperties {
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
        identityHeaders = identityHeaders == null ? List.of() : List.copyOf(identityHeaders);
    }

    /** @param allowedOrigins exact origins ({@code https://app.example.org}); empty: same-origin only */
    record Cors(List<String> allowedOrigins, @DefaultValue("1h") Duration maxAge) {
        Cors {
            allowedOrigins = allowedOrigins == null ? List.of()
                    : allowedOrigins.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
    }

    /**
     * @param contentSecurityPolicies policies by path, first match wins
     * @param hstsMaxAge              {@code Strict-Transport-Security} max-age, sent on https requests only
     */
    record Headers(List<PathPolicy> contentSecurityPolicies, @DefaultValue("365d") Duration hstsMaxAge) {
        Headers {
            contentSecurityPolicies = contentSecurityPolicies == null ? List.of()
                    : List.copyOf(contentSecurityPolicies);
        }
    }

    record PathPolicy(List<String> paths, String policy) {
    }
}
