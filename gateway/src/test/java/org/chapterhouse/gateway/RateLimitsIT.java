package org.chapterhouse.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.chapterhouse.support.testing.Http;
import org.chapterhouse.support.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Budgets per member and per chapter, reads and writes apart, in this instance's memory. Small budgets with a long
 * refill period, so that what a test spends stays spent while it runs; each test uses its own members and chapters.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "chapterhouse.gateway.rate-limit.member.read.capacity=3",
        "chapterhouse.gateway.rate-limit.member.read.period=1h",
        "chapterhouse.gateway.rate-limit.member.write.capacity=2",
        "chapterhouse.gateway.rate-limit.member.write.period=1h",
        "chapterhouse.gateway.rate-limit.chapter.read.capacity=5",
        "chapterhouse.gateway.rate-limit.chapter.read.period=1h",
        "chapterhouse.gateway.rate-limit.chapter.write.capacity=100",
        "chapterhouse.gateway.rate-limit.chapter.write.period=1h"})
class RateLimitsIT {

    static final StandInService service = new StandInService();

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        for (String name : new String[] {"MEMBERS_URL", "DISCUSSIONS_URL", "STORIES_URL", "NOTIFICATIONS_URL"}) {
            registry.add(name, service::url);
        }
        registry.add("CHAPTERHOUSE_JWKS_URI", () -> service.url() + "/.well-known/jwks.json");
    }

    @AfterAll
    static void stop() {
        service.stop();
    }

    @LocalServerPort
    int port;

    Http http() {
        return new Http("http://localhost:" + port);
    }

    @Test
    void answers429WithRetryAfterOnceAMemberHasSpentTheirReadBudget() {
        String asha = TestTokens.token("m-asha", "Asha", Map.of("ch-asha", "VOLUNTEER"));
        for (int i = 0; i < 3; i++) {
            var ok = http().get("/api/v1/questions", asha);
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.header("RateLimit-Limit")).isEqualTo("3");
            assertThat(ok.header("RateLimit-Remaining")).isEqualTo(String.valueOf(2 - i));
        }
        int before = service.calls.get();
        var refused = http().get("/api/v1/questions", asha);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asString()).endsWith("/too-many-requests");
        assertThat(refused.json().get("detail").asString()).contains("reads", "this member");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3600L);
        assertThat(refused.header("RateLimit-Remaining")).isEqualTo("0");
        assertThat(service.calls.get()).as("a refused request never reaches the service").isEqualTo(before);

        var other = TestTokens.token("m-other", "Other", Map.of("ch-other", "VOLUNTEER"));
        assertThat(http().get("/api/v1/questions", other).status()).as("another member's budget").isEqualTo(200);
    }

    @Test
    void keepsSeparateBudgetsForReadsAndWrites() {
        String ben = TestTokens.token("m-ben", "Ben", Map.of("ch-ben", "VOLUNTEER"));
        assertThat(http().post("/api/v1/questions", Map.of("title", "one"), ben).status()).isEqualTo(200);
        assertThat(http().post("/api/v1/questions", Map.of("title", "two"), ben).status()).isEqualTo(200);
        var refused = http().post("/api/v1/questions", Map.of("title", "three"), ben);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().get("detail").asString()).contains("writes");
        assertThat(http().get("/api/v1/questions", ben).status()).as("reads still allowed").isEqualTo(200);
    }

    @Test
    void sharesAChapterBudgetAmongItsMembers() {
        for (int i = 0; i < 5; i++) {
            String member = TestTokens.token("m-lakeside-" + i, "Member " + i, Map.of("lakeside", "VOLUNTEER"));
            assertThat(http().get("/api/v1/questions", member).status()).isEqualTo(200);
        }
        String sixth = TestTokens.token("m-lakeside-6", "Sixth", Map.of("lakeside", "VOLUNTEER"));
        var refused = http().get("/api/v1/questions", sixth);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().get("detail").asString()).contains("chapter lakeside");
        assertThat(refused.header("Retry-After")).isNotNull();
    }

    @Test
    void chargesTheChapterNamedInTheQuery() {
        for (int i = 0; i < 5; i++) {
            String member = TestTokens.token("m-hill-" + i, "Member " + i, Map.of("home-" + i, "VOLUNTEER"));
            assertThat(http().get("/api/v1/questions?chapterId=hillside", member).status()).isEqualTo(200);
        }
        String another = TestTokens.token("m-hill-9", "Another", Map.of("home-9", "VOLUNTEER"));
        assertThat(http().get("/api/v1/questions?chapterId=hillside", another).status()).isEqualTo(429);
        assertThat(http().get("/api/v1/questions?chapterId=elsewhere", another).status()).isEqualTo(200);
    }

    @Test
    void limitsAnonymousCallersByTheirAddress() {
        int status = 200;
        for (int i = 0; i < 4 && status == 200; i++) {
            status = http().get("/api/v1/chapters", null).status();
        }
        assertThat(status).isEqualTo(429);
    }
}
