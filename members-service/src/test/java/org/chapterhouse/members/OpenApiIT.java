package org.chapterhouse.members;

import static org.assertj.core.api.Assertions.assertThat;

import org.chapterhouse.support.testing.Http;
import org.chapterhouse.support.testing.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

@ServiceIntegrationTest
@TestPropertySource(properties = {
        "chapterhouse.members.admin.email=admin@chapterhouse.test",
        "chapterhouse.members.admin.password=admin-password-1"})
class OpenApiIT {

    @LocalServerPort
    int port;

    @Test
    void servesItsOpenApiDocumentWithoutAToken() {
        var doc = new Http("http://localhost:" + port).get("/v3/api-docs", null);
        assertThat(doc.status()).as(doc.raw()).isEqualTo(200);
        assertThat(doc.contentType()).startsWith("application/json");
        JsonNode paths = doc.json().get("paths");
        assertThat(paths.propertyNames()).contains("/api/v1/auth/register", "/api/v1/auth/token",
                "/.well-known/jwks.json", "/api/v1/members", "/api/v1/members/me", "/api/v1/members/{id}",
                "/api/v1/chapters", "/api/v1/chapters/{id}", "/api/v1/chapters/{chapterId}/members",
                "/api/v1/admin/signing-keys/rotation");
        assertThat(paths.get("/api/v1/members/me").get("patch").get("summary").asString()).isNotBlank();
        assertThat(paths.get("/api/v1/members/{id}").get("delete").get("summary").asString()).contains("Erase");
        assertThat(paths.get("/api/v1/members").get("get").get("parameters").toString()).contains("skill")
                .doesNotContain("caller");
        // the caller comes from the token, never from a parameter
        assertThat(paths.toString()).doesNotContain("\"caller\"");
        assertThat(doc.json().get("components").get("securitySchemes").get("bearer").get("scheme").asString())
                .isEqualTo("bearer");
    }
}
