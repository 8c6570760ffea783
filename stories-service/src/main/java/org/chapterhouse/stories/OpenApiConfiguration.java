package org.chapterhouse.stories;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.chapterhouse.support.security.Caller;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at {@code /v3/api-docs} (springdoc). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        // the caller comes from the bearer token, never from a parameter
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    OpenAPI storiesApi() {
        return new OpenAPI()
                .info(new Info().title("Chapterhouse stories-service").version("v1")
                        .description("Success stories, best practices and ideas, their review workflow, "
                                + "promotion of accepted answers, and the public Atom and JSON feeds."))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
