package org.chapterhouse.members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.chapterhouse.support.testing.ServiceIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ServiceIntegrationTest
@TestPropertySource(properties = {
        "chapterhouse.members.admin.email=admin@chapterhouse.test",
        "chapterhouse.members.admin.password=admin-password-1",
        "chapterhouse.members.signin.max-failures-per-email=3",
        "chapterhouse.members.signin.max-failures-per-ip=6",
        "chapterhouse.members.signin.base-delay=2s",
        "chapterhouse.members.signin.max-delay=8s"})
class SignInThrottleIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    Fixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new Fixture(port);
    }

    record Answer(int status, String retryAfter, String contentType, JsonNode body) {
    }

    @Test
    void slowsDownRepeatedFailedSignInsForAnEmailUntilTheWaitIsOver() {
        var ada = fixture.register("Ada", fixture.chapter("Throttle"));
        String ip = "198.51.100.10";
        for (int i = 0; i < 3; i++) {
            assertThat(signIn(ada.email(), "wrong password", ip).status()).isEqualTo(401);
        }
        Answer slowed = signIn(ada.email(), "wrong password", ip);
        assertThat(slowed.status()).isEqualTo(429);
        assertThat(slowed.contentType()).startsWith("application/problem+json");
        assertThat(slowed.body().get("type").asString()).endsWith("/too-many-sign-in-attempts");
        assertThat(Long.parseLong(slowed.retryAfter())).isBetween(1L, 2L);
        // even the right password waits, from any address
        assertThat(signIn(ada.email(), Fixture.PASSWORD, "198.51.100.11").status()).isEqualTo(429);

        // once the wait is over, the right password works, and resets the count
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> signIn(ada.email(), Fixture.PASSWORD, ip).status() == 200);
        for (int i = 0; i < 3; i++) {
            assertThat(signIn(ada.email(), "wrong password", "198.51.100.12").status()).isEqualTo(401);
        }
        assertThat(signIn(ada.email(), "wrong password", "198.51.100.12").status()).isEqualTo(429);
    }

    @Test
    void doublesTheWaitWithEachFurtherFailure() {
        String email = "nobody-" + Fixture.unique() + "@example.org";
        String ip = "198.51.100.20";
        for (int i = 0; i < 3; i++) {
            assertThat(signIn(email, "wrong password", ip).status()).isEqualTo(401);
        }
        long first = Long.parseLong(signIn(email, "wrong password", ip).retryAfter());
        // the first attempt after the wait fails again, and the next wait is twice as long
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> signIn(email, "wrong password", ip).status() == 401);
        Answer second = signIn(email, "wrong password", ip);
        assertThat(second.status()).isEqualTo(429);
        assertThat(Long.parseLong(second.retryAfter())).isGreaterThan(first).isLessThanOrEqualTo(2 * first);
    }

    @Test
    void answersAnUnknownEmailExactlyAsAKnownOne() {
        var known = fixture.register("Known", fixture.chapter("Enumeration"));
        String unknown = "nobody-" + Fixture.unique() + "@example.org";
        for (int i = 0; i < 4; i++) {
            Answer a = signIn(known.email(), "wrong password", "198.51.100.30");
            Answer b = signIn(unknown, "wrong password", "198.51.100.31");
            assertThat(b.status()).isEqualTo(a.status());
            assertThat(b.body().get("type")).isEqualTo(a.body().get("type"));
            assertThat(b.body().get("detail").asString().replaceAll("\\d", ""))
                    .isEqualTo(a.body().get("detail").asString().replaceAll("\\d", ""));
        }
    }

    @Test
    void slowsDownOneAddressTryingManyEmails() {
        String sprayer = "203.0.113.7";
        for (int i = 0; i < 6; i++) {
            assertThat(signIn("victim-" + i + "-" + Fixture.unique() + "@example.org", "password123", sprayer)
                    .status()).isEqualTo(401);
        }
        Answer blocked = signIn("victim-x-" + Fixture.unique() + "@example.org", "password123", sprayer);
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.retryAfter()).isNotNull();
        // the gateway appends the address it saw: entries the client put before it do not help
        assertThat(signIn("victim-y-" + Fixture.unique() + "@example.org", "password123",
                "192.0.2.99, " + sprayer).status()).isEqualTo(429);
        // other addresses are not affected
        assertThat(signIn(Fixture.ADMIN_EMAIL, Fixture.ADMIN_PASSWORD, "203.0.113.8").status()).isEqualTo(200);
    }

    private Answer signIn(String email, String password, String forwardedFor) {
        String body = JSON.writeValueAsString(java.util.Map.of("email", email, "password", password));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auth/token"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.headers().firstValue("Retry-After").orElse(null),
                    r.headers().firstValue("Content-Type").orElse(""), JSON.readTree(r.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
