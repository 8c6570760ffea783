package org.chapterhouse.analytics.ingest;

import org.chapterhouse.analytics.facts.Fact;

/** What a record value reads as: a fact, or the reason it was skipped (then {@code fact} is null). */
record Reading(Fact fact, String skipReason, String detail) {

    /** The value is not JSON, or not a JSON object. */
    static final String NOT_JSON = "not-json";
    /** JSON, but not a CloudEvent this subscriber can use: no id, time or data, or a time that is not RFC 3339. */
    static final String NOT_A_CLOUD_EVENT = "not-a-cloud-event";
    /** A CloudEvent of a type this subscriber does not compute anything from. */
    static final String UNKNOWN_TYPE = "unknown-type";
    /** A known type whose {@code data} lacks a field the figures need. */
    static final String INCOMPLETE = "incomplete";

    static Reading of(Fact fact) {
        return new Reading(fact, null, null);
    }

    static Reading skip(String reason, String detail) {
        return new Reading(null, reason, detail);
    }

    boolean skipped() {
        return fact == null;
    }
}
