package org.chapterhouse.members;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.chapterhouse.support.testing.Http;
import tools.jackson.databind.JsonNode;

/** Regions, chapters and members for the members-service ITs, each with names of its own. */
final class Fixture {

    static final String ADMIN_EMAIL = "admin@chapterhouse.test";
    static final String ADMIN_PASSWORD = "admin-password-1";
    static final String PASSWORD = "long enough password";

    final Http http;

    Fixture(int port) {
        http = new Http("http://localhost:" + port);
    }

    String admin() {
        return http.token(ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    /** A new chapter (in region "north", created if need be); returns its id. */
    String chapter(String name) {
        String admin = admin();
        if (http.get("/api/v1/regions", null).raw().indexOf("\"north\"") < 0) {
            http.post("/api/v1/regions", Map.of("name", "North"), admin);
        }
        var created = http.post("/api/v1/chapters", Map.of("name", name + " " + unique(), "regionId", "north"),
                admin);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    record Registered(String id, String email, String displayName, String token) {
    }

    Registered register(String displayName, String chapterId) {
        String email = "m-" + unique() + "@example.org";
        var created = http.post("/api/v1/auth/register", Map.of("email", email, "password", PASSWORD,
                "displayName", displayName, "chapterId", chapterId), null);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return new Registered(created.json().get("id").asString(), email, displayName, http.token(email, PASSWORD));
    }

    /** Signs in again, for a token with the member's current chapters and roles. */
    String token(Registered member) {
        return http.token(member.email(), PASSWORD);
    }

    JsonNode me(String token) {
        return http.get("/api/v1/members/me", token).json();
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
