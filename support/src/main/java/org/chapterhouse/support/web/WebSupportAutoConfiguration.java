package org.chapterhouse.support.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import tools.jackson.databind.DeserializationFeature;

/** Problem details for every error, strict request bodies (unknown fields rejected), a request size limit. */
@AutoConfiguration
public class WebSupportAutoConfiguration {

    @Bean
    ProblemHandler chapterhouseProblemHandler() {
        return new ProblemHandler();
    }

    @Bean
    JsonMapperBuilderCustomizer rejectUnknownFields() {
        return builder -> builder.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(
            @Value("${chapterhouse.web.max-body-bytes:65536}") long limit) {
        FilterRegistrationBean<BodySizeLimitFilter> registration =
                new FilterRegistrationBean<>(new BodySizeLimitFilter(limit));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
