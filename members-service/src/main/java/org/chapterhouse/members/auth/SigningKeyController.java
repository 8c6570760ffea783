package org.chapterhouse.members.auth;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.chapterhouse.support.security.Caller;
import org.chapterhouse.support.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** ADMIN only: which keys sign and verify tokens, and rotating them now (e.g. after a suspected leak). */
@RestController
@RequestMapping("/api/v1/admin/signing-keys")
@Tag(name = "admin", description = "Operating the token issuer")
class SigningKeyController {

    private final SigningKeys keys;

    SigningKeyController(SigningKeys keys) {
        this.keys = keys;
    }

    /** A key as an ADMIN sees it: never its private part. */
    record KeyView(String keyId, long generation, Instant createdAt, boolean signing) {
    }

    record KeysView(String signingKeyId, List<KeyView> keys) {
        static KeysView of(List<SigningKeys.StoredKey> stored) {
            String current = stored.get(0).jwk().getKeyID();
            return new KeysView(current, stored.stream().map(k -> new KeyView(k.jwk().getKeyID(), k.generation(),
                    k.createdAt(), k.jwk().getKeyID().equals(current))).toList());
        }
    }

    @GetMapping
    @Operation(summary = "The published signing keys (ADMIN)", description = "Newest first; the first one signs.")
    KeysView list(Caller caller) {
        requireAdmin(caller);
        return KeysView.of(keys.stored());
    }

    @PostMapping("/rotation")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Rotate the signing key now (ADMIN)",
            description = "A new key signs new tokens; the replaced keys stay in the JWKS until the tokens they "
                    + "signed have expired.")
    KeysView rotate(Caller caller) {
        requireAdmin(caller);
        keys.rotate();
        return KeysView.of(keys.stored());
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.isAdmin()) {
            throw ApiProblem.forbidden("Only an ADMIN manages the signing keys");
        }
    }
}
