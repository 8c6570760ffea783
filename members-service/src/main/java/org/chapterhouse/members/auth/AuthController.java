package org.chapterhouse.members.auth;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.chapterhouse.members.member.MemberService;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
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
    TokenIssuer.Token token(@Valid @RequestBody TokenRequest request) {
        return tokens.issue(members.authenticate(request.email(), request.password()));
    }

    @GetMapping(value = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> jwks() {
        return keys.published().toJSONObject();
    }
}
