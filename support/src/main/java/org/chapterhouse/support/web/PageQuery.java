package org.chapterhouse.support.web;

/** {@code page} (from 0) and {@code size} (1 to 100, default 20) of a list request, checked. */
public record PageQuery(int page, int size) {

    public static final int MAX_SIZE = 100;
    public static final int DEFAULT_SIZE = 20;

    public static PageQuery of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            throw ApiProblem.badRequest("invalid-page", "page must be 0 or more");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw ApiProblem.badRequest("invalid-page-size", "size must be between 1 and " + MAX_SIZE);
        }
        return new PageQuery(p, s);
    }

    public long offset() {
        return (long) page * size;
    }
}
