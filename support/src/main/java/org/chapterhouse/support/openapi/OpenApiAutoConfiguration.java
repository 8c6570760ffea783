package org.chapterhouse.support.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.chapterhouse.support.security.Caller;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Every service's OpenAPI document ({@code /v3/api-docs}, aggregated by the gateway): bearer-token security, and the
 * {@link Caller} argument left out, because who calls comes from the token, never from a parameter.
 */
@AutoConfiguration
@ConditionalOnClass(SpringDocUtils.class)
public class OpenApiAutoConfiguration {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    @ConditionalOnMissingBean
    OpenAPI chapterhouseOpenApi(@Value("${spring.application.name:chapterhouse}") String name) {
        return new OpenAPI()
                .info(new Info().title("Chapterhouse " + name).version("v1").description(
                        "Part of the Chapterhouse API; errors are application/problem+json (RFC 9457)."))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("An access token from POST /api/v1/auth/token")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
