package org.chapterhouse.analytics.web;

/** A query parameter the API cannot use: answered 400 {@code application/problem+json}. */
public class BadQuery extends RuntimeException {

    private final String slug;

    /** {@code slug} names the problem type, {@code https://chapterhouse.example/problems/<slug>}. */
    public BadQuery(String slug, String detail) {
        super(detail);
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }
}
