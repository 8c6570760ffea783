package org.chapterhouse.analytics.ingest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.JsonNode;

/**
 * The CloudEvents 1.0 attributes this subscriber uses (structured mode, one JSON object per record value). Anything
 * else in the envelope is ignored, so new extension attributes never break it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record Envelope(String specversion, String id, String type, String subject, String time, String chapterid,
                JsonNode data) {
}
