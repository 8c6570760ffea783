package org.chapterhouse.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.RedisClient;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.chapterhouse.support.testing.Http;
import org.chapterhouse.support.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two gateway instances with the {@code redis} profile share one budget in a real Redis server, which the test
 * starts as a process ({@code redis-server}, Debian package {@code redis-server}). Without it the test fails: it is
 * never skipped.
 */
class RedisRateLimitsIT {

    static Process redis;
    static int redisPort;
    static StandInService service;
    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;

    @BeforeAll
    static void start() throws Exception {
        String binary = Arrays.stream(System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator))
                .map(dir -> Path.of(dir, "redis-server")).filter(Files::isExecutable).findFirst()
                .map(Path::toString)
                .orElseThrow(() -> new IllegalStateException("redis-server is not installed: this test needs a real "
                        + "Redis server (Debian: apt-get install redis-server; .ci/run installs it)"));
        redisPort = StandInService.freePort();
        redis = new ProcessBuilder(binary, "--port", String.valueOf(redisPort), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no").redirectErrorStream(true)
                .redirectOutput(new File("target/redis-server-it.log")).start();
        RedisClient client = RedisClient.create("redis://127.0.0.1:" + redisPort);
        try {
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> {
                try (var connection = client.connect()) {
                    return "PONG".equals(connection.sync().ping());
                }
            });
        } finally {
            client.shutdown();
        }
        service = new StandInService();
        first = gateway();
        second = gateway();
    }

    static ConfigurableApplicationContext gateway() {
        return new SpringApplicationBuilder(GatewayApplication.class).profiles("redis").properties(Map.of(
                "PORT", "0",
                "REDIS_URL", "redis://127.0.0.1:" + redisPort,
                "MEMBERS_URL", service.url(), "DISCUSSIONS_URL", service.url(), "STORIES_URL", service.url(),
                "NOTIFICATIONS_URL", service.url(),
                "CHAPTERHOUSE_JWKS_URI", service.url() + "/.well-known/jwks.json"))
                .run("--chapterhouse.gateway.rate-limit.member.read.capacity=4",
                        "--chapterhouse.gateway.rate-limit.member.read.period=1h");
    }

    @AfterAll
    static void stop() {
        for (var context : new ConfigurableApplicationContext[] {first, second}) {
            if (context != null) {
                context.close();
            }
        }
        if (service != null) {
            service.stop();
        }
        if (redis != null) {
            redis.destroy();
        }
    }

    static Http http(ConfigurableApplicationContext gateway) {
        return new Http("http://localhost:" + gateway.getEnvironment().getProperty("local.server.port"));
    }

    @Test
    void twoGatewayInstancesShareOneMembersBudget() {
        String token = TestTokens.token("m-shared", "Shared", Map.of("ch-shared", "VOLUNTEER"));
        assertThat(http(first).get("/api/v1/questions", token).status()).isEqualTo(200);
        assertThat(http(second).get("/api/v1/questions", token).status()).isEqualTo(200);
        assertThat(http(first).get("/api/v1/questions", token).status()).isEqualTo(200);
        var last = http(second).get("/api/v1/questions", token);
        assertThat(last.status()).isEqualTo(200);
        assertThat(last.header("RateLimit-Remaining")).isEqualTo("0");

        var refusedByFirst = http(first).get("/api/v1/questions", token);
        var refusedBySecond = http(second).get("/api/v1/questions", token);
        assertThat(refusedByFirst.status()).isEqualTo(429);
        assertThat(refusedBySecond.status()).isEqualTo(429);
        assertThat(refusedBySecond.contentType()).startsWith("application/problem+json");
        assertThat(refusedBySecond.header("Retry-After")).isNotNull();

        String someoneElse = TestTokens.token("m-else", "Else", Map.of("ch-else", "VOLUNTEER"));
        assertThat(http(second).get("/api/v1/questions", someoneElse).status()).isEqualTo(200);
    }
}
