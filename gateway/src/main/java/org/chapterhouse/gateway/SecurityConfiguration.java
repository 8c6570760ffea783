package org.chapterhouse.gateway;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.util.StringUtils;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * The perimeter: a request to anything but the public paths needs a valid bearer token, verified against the
 * issuer's JWKS (members-service's, or an OIDC issuer's found by discovery). The token is forwarded; the services
 * verify it again and trust nothing else. Every response carries the security headers; CORS only for the
 * configured origins.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    @Bean
    SecurityWebFilterChain perimeter(ServerHttpSecurity http, GatewayProperties properties) {
        var headers = properties.headers();
        http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                // stateless: no web session is created or read for any request
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .cors(cors -> cors.configurationSource(cors(properties.cors())))
                // nosniff, no-store for the gateway's own answers (a service's Cache-Control is kept), HSTS on https
                .headers(h -> h.frameOptions(f -> f.mode(Mode.DENY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER))
                        .hsts(hsts -> hsts.maxAge(headers.hstsMaxAge()).includeSubdomains(true))
                        .writer(new ContentSecurityPolicies(headers.contentSecurityPolicies())))
                .authorizeExchange(auth -> {
                    auth.pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                            "/actuator/prometheus", "/", "/index.html", "/favicon.ico").permitAll();
                    for (String path : properties.publicPaths()) {
                        String[] parts = path.trim().split("\\s+", 2);
                        if (parts.length == 2) {
                            auth.pathMatchers(HttpMethod.valueOf(parts[0]), parts[1]).permitAll();
                        } else {
                            auth.pathMatchers(parts[0]).permitAll();
                        }
                    }
                    auth.anyExchange().authenticated();
                })
                .oauth2ResourceServer(o -> o.jwt(jwt -> { })
                        .authenticationEntryPoint(unauthorized())
                        .accessDeniedHandler(forbidden()))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized()).accessDeniedHandler(forbidden()));
        return http.build();
    }

    /**
     * No observation per security filter, authentication and authorization: by default Spring Security wraps each of
     * the chain's filters in its own observation (timers, context writes, tag sorting, on every request, public paths
     * included), which cost more than the routing itself on two cores (bench/README.md). The request's own
     * {@code http.server.requests} observation, its metrics and trace context stay.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * members-service's JWKS by default; with {@code chapterhouse.gateway.issuer-uri} an OIDC issuer, whose discovery
     * document is read on the first token (so the gateway starts while the issuer is away) and whose {@code issuer}
     * every token must name.
     */
    @Bean
    ReactiveJwtDecoder jwtDecoder(GatewayProperties properties) {
        NimbusReactiveJwtDecoder decoder;
        if (StringUtils.hasText(properties.issuerUri())) {
            decoder = NimbusReactiveJwtDecoder.withIssuerLocation(properties.issuerUri()).build();
            decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(properties.issuerUri()));
        } else {
            decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
            decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(properties.issuer()));
        }
        return decoder;
    }

    private static CorsConfigurationSource cors(GatewayProperties.Cors properties) {
        var source = new UrlBasedCorsConfigurationSource();
        if (!properties.allowedOrigins().isEmpty()) {
            var config = new CorsConfiguration();
            config.setAllowedOrigins(properties.allowedOrigins());
            config.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
            config.setAllowedHeaders(List.of("Authorization", "Content-Type", "If-Match", "If-None-Match",
                    RequestIds.HEADER));
            config.setExposedHeaders(List.of(RequestIds.HEADER, "ETag", "Location", "Retry-After",
                    "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"));
            config.setMaxAge(properties.maxAge());
            source.registerCorsConfiguration("/**", config);
        }
        return source;
    }

    private static ServerAuthenticationEntryPoint unauthorized() {
        return (exchange, e) -> {
            exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer");
            return Problems.write(exchange, HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                    "A valid bearer token is required (POST /api/v1/auth/token)");
        };
    }

    private static ServerAccessDeniedHandler forbidden() {
        return (exchange, e) -> Problems.write(exchange, HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "Your roles do not allow this");
    }
}
