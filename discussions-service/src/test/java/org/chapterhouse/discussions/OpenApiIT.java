package org.chapterhouse.discussions;

import static org.assertj.core.api.Assertions.assertThat;

import org.chapterhouse.support.testing.Http;
import org.chapterhouse.support.testing.ServiceIntegrationTest;
import org.chapterhouse.support.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

@ServiceIntegrationTest
@Import(TestTokens.Config.class)
class OpenApiIT {

    @LocalServerPort
    int port;

    @Test
    void describesEveryEndpointInOpenApiWithoutAToken() {
        var r = new Http("http://localhost:" + port).get("/v3/api-docs", null);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        JsonNode paths = r.json().get("paths");
        assertThat(paths.propertyNames()).contains("/api/v1/questions", "/api/v1/questions/{id}",
                "/api/v1/questions/{id}/answers", "/api/v1/questions/{id}/accepted-answer",
                "/api/v1/questions/{id}/votes", "/api/v1/answers/{id}/votes", "/api/v1/questions/{id}/flags",
                "/api/v1/answers/{id}", "/api/v1/moderation/queue", "/api/v1/tags", "/api/v1/questions/similar");
        String listParameters = paths.get("/api/v1/questions").get("get").get("parameters").toString();
        assertThat(listParameters).contains("\"q\"").doesNotContain("caller"); // identity is never a parameter
        assertThat(r.json().get("components").get("securitySchemes").has("bearer")).isTrue();
    }
}
