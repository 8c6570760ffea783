package org.chapterhouse.stories.page;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Short SHA-256 digests that name a version of something (an ETag, a stylesheet's URL). */
final class Versions {

    private Versions() {
    }

    static String hash(byte[] content) {
        return HexFormat.of().formatHex(sha256().digest(content), 0, 16);
    }

    /** The digest of the parts, each ended by a NUL so that ("ab", "c") and ("a", "bc") differ. */
    static String hash(Iterable<String> parts) {
        MessageDigest sha = sha256();
        for (String part : parts) {
            sha.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
        return HexFormat.of().formatHex(sha.digest(), 0, 16);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
