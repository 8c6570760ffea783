package org.chapterhouse.support.inbound;

import java.time.Instant;

/** An event as a consumer sees it: the envelope attributes it may need and its own minimal copy of {@code data}. */
public record Received<T>(String id, String type, String subject, Instant time, String chapterId, T data) {
}
