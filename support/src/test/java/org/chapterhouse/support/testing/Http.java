package org.chapterhouse.support.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small JSON-over-HTTP client for tests that drive a service or the gateway as a client would. */
public final class Http {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public Http(String base) {
        this.base = base;
    }

    public record Response(int status, String contentType, String raw, java.net.http.HttpHeaders headers) {
        public JsonNode json() {
            return raw == null || raw.isEmpty() ? JSON.nullNode() : JSON.readTree(raw);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    public Response get(String path, String token) {
        return send(request(path, token).GET());
    }

    public Response post(String path, Object body, String token) {
        return send(request(path, token).POST(publisher(body)).header("Content-Type", "application/json"));
    }

    /** A POST with extra request headers (e.g. {@code X-Forwarded-For}, or headers a client should not be trusted with). */
    public Response post(String path, Object body, String token, java.util.Map<String, String> headers) {
        HttpRequest.Builder b = request(path, token).POST(publisher(body)).header("Content-Type", "application/json");
        headers.forEach(b::header);
        return send(b);
    }

    public Response put(String path, Object body, String token) {
        return send(request(path, token).PUT(publisher(body)).header("Content-Type", "application/json"));
    }

    public Response patch(String path, Object body, String token) {
        return patch(path, body, token, java.util.Map.of());
    }

    /** A PATCH with extra request headers (e.g. {@code If-Match}). */
    public Response patch(String path, Object body, String token, java.util.Map<String, String> headers) {
        HttpRequest.Builder b = request(path, token).method("PATCH", publisher(body))
                .header("Content-Type", "application/json");
        headers.forEach(b::header);
        return send(b);
    }

    public Response delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    /** Signs in and returns the access token. */
    public String token(String email, String password) {
        Response r = post("/api/v1/auth/token", java.util.Map.of("email", email, "password", password), null);
        if (r.status() != 200) {
            throw new IllegalStateException("sign-in failed for " + email + ": " + r.status() + " " + r.raw());
        }
        return r.json().get("accessToken").asString();
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private static HttpRequest.BodyPublisher publisher(Object body) {
        if (body == null) {
            return HttpRequest.BodyPublishers.noBody();
        }
        String text = body instanceof String s ? s : JSON.writeValueAsString(body);
        return HttpRequest.BodyPublishers.ofString(text);
    }

    private Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> r = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(),
                    r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
