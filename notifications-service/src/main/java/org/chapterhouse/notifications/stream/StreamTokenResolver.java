package org.chapterhouse.notifications.stream;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Browsers' {@code EventSource} cannot send an Authorization header, so the stream alone also takes the token as
 * {@code ?access_token=} (RFC 6750 §2.3). Every other endpoint takes it only from the header.
 */
@Configuration(proxyBeanMethods = false)
class StreamTokenResolver {

    @Bean
    BearerTokenResolver bearerTokenResolver() {
        DefaultBearerTokenResolver headerOnly = new DefaultBearerTokenResolver();
        DefaultBearerTokenResolver headerOrQuery = new DefaultBearerTokenResolver();
        headerOrQuery.setAllowUriQueryParameter(true);
        return (HttpServletRequest request) -> "GET".equals(request.getMethod())
                && "/api/v1/notifications/stream".equals(request.getRequestURI())
                ? headerOrQuery.resolve(request) : headerOnly.resolve(request);
    }
}
