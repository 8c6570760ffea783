package org.chapterhouse.deploy.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Waits until every target answers: {@code http(s)://...} with a 2xx (a health endpoint), or {@code tcp://host:port}
 * accepting connections. Prints each one as it comes up; exits 1 naming those that did not within the timeout.
 *
 * <p>Usage: {@code WaitFor <timeout-seconds> <target>...}
 */
public final class WaitFor {

    private WaitFor() {
    }

    public static void main(String[] args) throws Exception {
        Duration timeout = Duration.ofSeconds(Long.parseLong(args[0]));
        List<String> pending = new ArrayList<>(List.of(args).subList(1, args.length));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant start = Instant.now();
        Instant deadline = start.plus(timeout);
        while (!pending.isEmpty()) {
            for (String target : List.copyOf(pending)) {
                if (up(http, target)) {
                    pending.remove(target);
                    System.out.printf("  up after %4.1f s: %s%n", Duration.between(start, Instant.now()).toMillis()
                            / 1000.0, target);
                }
            }
            if (pending.isEmpty()) {
                break;
            }
            if (Instant.now().isAfter(deadline)) {
                System.out.println("  not up after " + timeout.toSeconds() + " s: " + pending);
                System.exit(1);
            }
            Thread.sleep(250);
        }
    }

    private static boolean up(HttpClient http, String target) {
        try {
            if (target.startsWith("tcp://")) {
                URI uri = URI.create(target);
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 1000);
                    return true;
                }
            }
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(target)).timeout(Duration.ofSeconds(2))
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() / 100 == 2;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
