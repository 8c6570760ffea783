package org.chapterhouse.gateway;

import java.nio.charset.StandardCharsets;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The gateway's own answers, as RFC 9457 problem+json like the services'. */
public final class Problems {

    static final String TYPE_BASE = "https://chapterhouse.example/problems/";

    private Problems() {
    }

    public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String slug, String title,
                                   String detail) {
        var response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        String body = json(status, slug, title, detail, exchange.getRequest().getPath().value());
        DataBuffer buffer = response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(buffer));
    }

    static String json(HttpStatus status, String slug, String title, String detail, String instance) {
        return "{\"type\":\"" + TYPE_BASE + slug + "\",\"title\":\"" + title + "\",\"status\":" + status.value()
                + ",\"detail\":\"" + detail.replace("\\", "").replace("\"", "'") + "\",\"instance\":\""
                + instance.replace("\\", "").replace("\"", "") + "\"}";
    }
}
