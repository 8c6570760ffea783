package org.chapterhouse.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.chapterhouse.support.testing.TestTokens;

/**
 * A real HTTP server standing in for a service behind the gateway: serves {@link TestTokens}' JWKS and answers
 * every other path with {@code {"path": ...}}, counting the calls. It can be stopped and started again on the same
 * port, as a service that goes away and comes back.
 */
final class StandInService {

    final AtomicInteger calls = new AtomicInteger();
    private final int port;
    private HttpServer server;

    StandInService() {
        this(freePort());
    }

    StandInService(int port) {
        this.port = port;
        start();
    }

    synchronized StandInService start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 100);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/.well-known/jwks.json", ex -> reply(ex, 200, TestTokens.jwksJson()));
        server.createContext("/", ex -> {
            calls.incrementAndGet();
            reply(ex, 200, "{\"path\":\"" + ex.getRequestURI().getPath() + "\"}");
        });
        server.start();
        return this;
    }

    synchronized void stop() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    static void reply(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getRequestBody().readAllBytes();
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
