package org.chapterhouse.discussions.question;

import org.chapterhouse.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** Optimistic concurrency over HTTP: a post's revision is its ETag, and an edit names it in {@code If-Match}. */
final class Revisions {

    private Revisions() {
    }

    static String etag(int revision) {
        return "\"" + revision + "\"";
    }

    /** The revision an edit expects (428 without {@code If-Match}, 412 when it names no revision). */
    static int expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiProblem(HttpStatus.PRECONDITION_REQUIRED, "precondition-required", "If-Match required",
                    "Send If-Match with the ETag of the post as you read it", null);
        }
        try {
            return Integer.parseInt(ifMatch.strip().replaceFirst("^W/", "").replace("\"", ""));
        } catch (NumberFormatException e) {
            throw new ApiProblem(HttpStatus.PRECONDITION_FAILED, "stale-revision", "Edited meanwhile",
                    "If-Match does not name a revision of this post", null);
        }
    }
}
