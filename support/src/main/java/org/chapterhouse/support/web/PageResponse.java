package org.chapterhouse.support.web;

import java.util.List;

/** The list shape of the public API: {@code { "items": [...], "page": n, "size": n, "total": n }}. */
public record PageResponse<T>(List<T> items, int page, int size, long total) {

    public static <T> PageResponse<T> of(List<T> items, PageQuery query, long total) {
        return new PageResponse<>(items, query.page(), query.size(), total);
    }
}
