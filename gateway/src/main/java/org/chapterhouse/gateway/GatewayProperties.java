package org.chapterhouse.gateway;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code chapterhouse.gateway.*}.
 *
 * @param jwkSetUri       the token issuer's keys (members-service by default, or an external OIDC issuer's)
 * @param issuer          the expected {@code iss}
 * @param publicPaths     what anyone may call, {@code "METHOD /pattern"} or {@code "/pattern"}
 * @param identityHeaders headers a client could use to pose as someone: always removed before forwarding
 */
@ConfigurationProperties("chapterhouse.gateway")
record GatewayProperties(String jwkSetUri, @DefaultValue("chapterhouse") String issuer, List<String> publicPaths,
                         List<String> identityHeaders) {

    GatewayProperties {
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
        identityHeaders = identityHeaders == null ? List.of() : List.copyOf(identityHeaders);
    }
}
