package org.chapterhouse.members.auth;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.chapterhouse.members.member.MemberService;
import org.chapterhouse.members.member.TooManySignIns;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "auth", description = "Sign-in and the token signing keys")
class AuthController {

    private final MemberService members;
    private final TokenIssuer tokens;
    private final SigningKeys keys;

    AuthController(MemberService members, TokenIssuer tokens, SigningKeys keys) {
        this.members = members;
        this.tokens = tokens;
        this.keys = keys;
    }

    record TokenRequest(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 128) String password) {
    }

    @PostMapping("/api/v1/auth/token")
    @Operation(summary = "Sign in: email and password for a signed access token (JWT)",
            description = "401 invalid-credentials for a wrong email or password alike; 429 with Retry-After after "
                    + "repeated failures for the email or from the client address.")
    TokenIssuer.Token token(@Valid @RequestBody TokenRequest request, HttpServletRequest http) {
        return tokens.issue(members.authenticate(request.email(), request.password(), clientAddress(http)));
    }

    @GetMapping(value = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The public signing keys (JWK set): the current one and those replaced but still valid")
    Map<String, Object> jwks() {
        return keys.published().toJSONObject();
    }

    @ExceptionHandler(TooManySignIns.class)
    ResponseEntity<ProblemDetail> tooManySignIns(TooManySignIns e) {
        return ResponseEntity.status(e.status()).header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .body(e.toProblemDetail());
    }

    /**
     * The client's address: the last {@code X-Forwarded-For} entry, the one the gateway appended for the
     * connection it received (entries before it are whatever the client sent), else the peer address.
     */
    static String clientAddress(HttpServletRequest http) {
        String forwarded = http.getHeader("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) {
            String[] hops = forwarded.split(",");
            String last = hops[hops.length - 1].strip();
            if (!last.isEmpty()) {
                return last;
            }
        }
        return http.getRemoteAddr();
    }
}
