package org.chapterhouse.notifications;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The fan-out benchmark (run by {@code bench/notifications-fanout.sh}, not by the build): a chapter of
 * {@code BENCH_RECIPIENTS} members who all watch it. It reports
 * <ul>
 * <li>latency: for {@code BENCH_QUESTIONS} questions, one at a time, the time from publishing QuestionPosted (what
 * discussions-service does right after its 201) until the notification is readable through the API for the first
 * and the last recipient of the fan-out (p50, p99, max);</li>
 * <li>throughput: {@code BENCH_BURST} questions published back to back, notifications stored per second until all
 * of them are in the store.</li>
 * </ul>
 */
@EnabledIfEnvironmentVariable(named = "BENCH_RECIPIENTS", matches = "[0-9]+")
class FanoutBenchmark extends NotificationsITBase {

    static int env(String name, int fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : Integer.parseInt(v);
    }

    void ask(String asker, String questionId) {
        events.send(QUESTION, questionId, chapter, Map.of("questionId", questionId, "chapterId", chapter,
                "authorId", asker, "title", "A benchmark question for the fan-out", "tags", List.of("bench"),
                "visibility", "CHAPTER"));
    }

    long unread(String member) {
        return http.get("/api/v1/notifications/unread-count", tokenOf(member)).json().get("count").asLong();
    }

    static double percentile(List<Double> sorted, double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    @Test
    void fanOut() throws IOException {
        int recipients = env("BENCH_RECIPIENTS", 150);
        int questions = env("BENCH_QUESTIONS", 50);
        int burst = env("BENCH_BURST", 20);
        String asker = member("asker", chapter, "VOLUNTEER");
        List<String> members = new ArrayList<>();
        for (int i = 0; i < recipients; i++) {
            members.add(member("m" + i, chapter, "VOLUNTEER"));
        }
        await().atMost(Duration.ofSeconds(120)).until(() -> mongo.getCollection("chapter_members")
                .countDocuments(new Document("chapterId", chapter)) == recipients + 1);
        members.forEach(m -> watch(m, Map.of("chapters", List.of(chapter))));
        String first = members.get(0);
        String last = members.get(recipients - 1);

        // warm-up
        for (int i = 0; i < 5; i++) {
            ask(asker, UUID.randomUUID().toString());
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> unread(first) == 5 && unread(last) == 5);

        List<Double> latencies = new ArrayList<>();
        long expected = 5;
        for (int i = 0; i < questions; i++) {
            long target = ++expected;
            long t0 = System.nanoTime();
            ask(asker, UUID.randomUUID().toString());
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5)).pollDelay(Duration.ZERO)
                    .until(() -> unread(first) == target && unread(last) == target);
            latencies.add((System.nanoTime() - t0) / 1e6);
        }
        Collections.sort(latencies);

        long before = mongo.getCollection("notifications").countDocuments(new Document("chapterId", chapter));
        long t0 = System.nanoTime();
        for (int i = 0; i < burst; i++) {
            ask(asker, UUID.randomUUID().toString());
        }
        long want = before + (long) burst * recipients;
        await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(20)).until(() ->
                mongo.getCollection("notifications").countDocuments(new Document("chapterId", chapter)) >= want);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double perSecond = burst * recipients / seconds;

        String report = String.format(java.util.Locale.ROOT, """
                notifications fan-out benchmark
                recipients per question: %d (all watch the chapter)
                latency, QuestionPosted published -> readable via GET /api/v1/notifications/unread-count \
                for the first and last recipient, %d questions one at a time:
                  p50 %.1f ms   p99 %.1f ms   max %.1f ms   min %.1f ms
                throughput, %d questions back to back (%d notifications):
                  %.0f notifications stored per second (%.2f s)
                """, recipients, questions, percentile(latencies, 50), percentile(latencies, 99),
                latencies.get(latencies.size() - 1), latencies.get(0), burst, burst * recipients, perSecond, seconds);
        System.out.println("\n" + report);
        Path out = Path.of("target", "notifications-fanout.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }
}
