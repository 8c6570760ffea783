package org.chapterhouse.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.chapterhouse.support.testing.Http;
import org.chapterhouse.support.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A downstream service that goes away under concurrent load, and comes back. The breakers are tuned small (a
 * window of 10 calls, open for 2 s, time limit 3 s) so that the test is quick; the behaviour is the production one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "resilience4j.circuitbreaker.configs.default.sliding-window-size=10",
        "resilience4j.circuitbreaker.configs.default.minimum-number-of-calls=5",
        "resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state=2s",
        "resilience4j.timelimiter.configs.default.timeout-duration=3s",
        "spring.cloud.gateway.server.webflux.httpclient.response-timeout=4s",
        "chapterhouse.gateway.rate-limit.enabled=false"})
class CircuitBreakerIT {

    /** members: the token keys; discussions: goes away and comes back; stories: hangs; notifications: streams. */
    static final StandInService members = new StandInService();
    static final StandInService discussions = new StandInService();
    static final Hanging stories = new Hanging();
    static final EventStream notifications = new EventStream();

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        registry.add("MEMBERS_URL", members::url);
        registry.add("DISCUSSIONS_URL", discussions::url);
        registry.add("STORIES_URL", () -> "http://127.0.0.1:" + stories.socket.getLocalPort());
        registry.add("NOTIFICATIONS_URL", () -> "http://127.0.0.1:" + notifications.server.getAddress().getPort());
        registry.add("CHAPTERHOUSE_JWKS_URI", () -> members.url() + "/.well-known/jwks.json");
    }

    @AfterAll
    static void stop() throws IOException {
        members.stop();
        discussions.stop();
        stories.socket.close();
        notifications.server.stop(0);
    }

    @LocalServerPort
    int port;

    @Autowired
    CircuitBreakerRegistry breakers;

    final String token = TestTokens.token("m-1", "Asha", Map.of("riverside", "VOLUNTEER"));
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Answer(int status, String body, long millis, long startedAt) {
    }

    Answer get(String path) {
        long start = System.nanoTime();
        try {
            var response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(20)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), (System.nanoTime() - start) / 1_000_000, start);
        } catch (IOException e) {
            return new Answer(-1, e.toString(), (System.nanoTime() - start) / 1_000_000, start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "interrupted", 0, start);
        }
    }

    @Test
    void answersFast503sWhileAStoppedServiceIsAwayAndRecoversByItselfWhenItReturns() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        List<Answer> answers = new CopyOnWriteArrayList<>();
        ExecutorService load = Executors.newFixedThreadPool(6);
        for (int i = 0; i < 6; i++) {
            load.submit(() -> {
                while (running.get()) {
                    answers.add(get("/api/v1/questions"));
                }
            });
        }
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> answers.stream().filter(a -> a.status() == 200).count() > 20);
            assertThat(answers).allMatch(a -> a.status() == 200);

            discussions.stop();
            CircuitBreaker breaker = breakers.circuitBreaker("discussions");
            await().atMost(Duration.ofSeconds(20)).until(() -> breaker.getState() == CircuitBreaker.State.OPEN);
            long opened = System.nanoTime();
            await().atMost(Duration.ofSeconds(10)).until(() -> since(answers, opened).size() > 50);
            List<Answer> whileOpen = since(answers, opened);
            assertThat(whileOpen).allSatisfy(a -> {
                assertThat(a.status()).isEqualTo(503);
                assertThat(a.body()).contains("\"title\":\"Service unavailable\"", "discussions-service is unavailable");
            });
            assertThat(whileOpen.stream().mapToLong(Answer::millis).sorted().toArray()[whileOpen.size() * 9 / 10])
                    .as("p90 of the 503s, in ms, far below the 3 s time limit (on a busy 2-core machine)")
                    .isLessThan(1_000);
            var fallback = get("/api/v1/questions");
            assertThat(fallback.status()).isEqualTo(503);

            discussions.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> breaker.getState() == CircuitBreaker.State.CLOSED);
            long closed = System.nanoTime();
            await().atMost(Duration.ofSeconds(10)).until(() -> since(answers, closed).size() > 20);
            assertThat(since(answers, closed)).allMatch(a -> a.status() == 200);
        } finally {
            running.set(false);
            load.shutdown();
        }
    }

    static List<Answer> since(List<Answer> answers, long nanoTime) {
        return answers.stream().filter(a -> a.startedAt() > nanoTime).toList();
    }

    @Test
    void cutsAServiceThatStopsAnsweringAtTheTimeLimitThenAnswersAtOnceWithoutCallingIt() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(6);
        try {
            java.util.concurrent.Callable<Answer> call = () -> get("/api/v1/stories");
            var first = callers.invokeAll(java.util.Collections.nCopies(6, call));
            for (var f : first) {
                Answer a = f.get();
                assertThat(a.status()).isEqualTo(503);
                assertThat(a.body()).contains("stories-service is unavailable");
                assertThat(a.millis()).as("cut at the 3 s time limit").isBetween(2_500L, 10_000L);
            }
        } finally {
            callers.shutdown();
        }
        CircuitBreaker breaker = breakers.circuitBreaker("stories");
        await().atMost(Duration.ofSeconds(5)).until(() -> breaker.getState() == CircuitBreaker.State.OPEN);
        int connections = stories.held.size();
        for (int i = 0; i < 10; i++) {
            var fast = get("/api/v1/stories");
            assertThat(fast.status()).isEqualTo(503);
            assertThat(fast.body()).contains("stories-service is unavailable");
            assertThat(fast.millis()).as("answered by the open breaker").isLessThan(1_000);
        }
        assertThat(stories.held.size()).as("no call reached the hung service while the breaker was open")
                .isEqualTo(connections);
    }

    @Test
    void keepsAnEventStreamOpenPastTheTimeLimitAndTheResponseTimeout() throws Exception {
        var response = client.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/notifications/stream"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("data: first", "data: second");
    }

    /** A service that accepts connections and never answers (hung, or stopped with SIGSTOP). */
    static final class Hanging {
        final ServerSocket socket;
        final ConcurrentLinkedQueue<Socket> held = new ConcurrentLinkedQueue<>();

        Hanging() {
            try {
                socket = new ServerSocket(0, 100, java.net.InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            Thread acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        held.add(socket.accept());
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "hanging-service");
            acceptor.setDaemon(true);
            acceptor.start();
        }
    }

    /** An SSE endpoint that sends one event, pauses longer than every timeout, sends another and ends. */
    static final class EventStream {
        final com.sun.net.httpserver.HttpServer server;

        EventStream() {
            try {
                server = com.sun.net.httpserver.HttpServer.create(
                        new java.net.InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/api/v1/notifications/stream", ex -> {
                ex.getResponseHeaders().set("Content-Type", "text/event-stream");
                ex.sendResponseHeaders(200, 0);
                try (var out = ex.getResponseBody()) {
                    out.write("data: first\n\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    pause(Duration.ofMillis(4_500));
                    out.write("data: second\n\n".getBytes(StandardCharsets.UTF_8));
                }
            });
            server.start();
        }

        /** The stand-in service's own pacing between two events (a server-side wait, not a test waiting). */
        private static void pause(Duration d) {
            try {
                Thread.sleep(d.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
