package org.chapterhouse.support.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code chapterhouse.security.*}.
 *
 * @param jwkSetUri   where the issuer publishes its signing keys (members-service's {@code /.well-known/jwks.json},
 *                    or an external OIDC issuer's)
 * @param issuer      the expected {@code iss} claim
 * @param publicPaths requests anyone may make, as {@code "METHOD /pattern/**"} or {@code "/pattern/**"}
 */
@ConfigurationProperties("chapterhouse.security")
public record SecurityProperties(
        String jwkSetUri,
        @DefaultValue("chapterhouse") String issuer,
        List<String> publicPaths) {

    public SecurityProperties {
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
    }
}
