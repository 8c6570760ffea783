package org.chapterhouse.members.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.chapterhouse.members.member.Member;
import org.chapterhouse.members.member.MembersProperties;
import org.chapterhouse.support.security.Caller;
import org.chapterhouse.support.security.SecurityProperties;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/** Signs access tokens: subject, display name, chapter roles and network roles, as {@link Caller} reads them. */
@Component
class TokenIssuer {

    private final JwtEncoder encoder;
    private final SigningKeys keys;
    private final String issuer;
    private final Duration ttl;

    TokenIssuer(JwtEncoder encoder, SigningKeys keys, SecurityProperties security, MembersProperties members) {
        this.encoder = encoder;
        this.keys = keys;
        this.issuer = security.issuer();
        this.ttl = members.tokenTtl();
    }

    record Token(String accessToken, String tokenType, long expiresIn) {
    }

    Token issue(Member member) {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .subject(member.id())
                .issuedAt(now)
                .expiresAt(now.plus(ttl))
                .id(UUID.randomUUID().toString())
                .claim(Caller.CLAIM_NAME, member.displayName())
                .claim(Caller.CLAIM_CHAPTERS, member.chapterRoles())
                .claim(Caller.CLAIM_ROLES, member.networkRoles().stream().sorted().toList())
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(keys.current().getKeyID()).build();
        String jwt = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        return new Token(jwt, "Bearer", ttl.toSeconds());
    }
}
