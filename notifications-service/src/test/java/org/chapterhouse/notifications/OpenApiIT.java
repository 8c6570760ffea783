package org.chapterhouse.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import org.chapterhouse.support.testing.Http;
import org.junit.jupiter.api.Test;

class OpenApiIT extends NotificationsITBase {

    @Test
    void servesItsOpenApiDocumentWithoutAToken() {
        Http.Response r = http.get("/v3/api-docs", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(r.json().get("openapi").asString()).startsWith("3.");
        assertThat(r.json().get("paths").has("/api/v1/subscriptions")).isTrue();
        assertThat(r.json().get("paths").has("/api/v1/webhooks/{id}/deliveries")).isTrue();
        assertThat(r.json().get("paths").has("/api/v1/notifications/stream")).isTrue();
    }
}
