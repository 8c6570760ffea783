package org.chapterhouse.stories;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code chapterhouse.stories.*}.
 *
 * @param publicBaseUrl where the network is reached from outside (the gateway): the feeds' links are absolute
 *                      from it ({@code CHAPTERHOUSE_PUBLIC_BASE_URL})
 * @param feedSize      how many of the newest public stories a feed carries
 * @param feedTitle     the feeds' title
 */
@Validated
@ConfigurationProperties("chapterhouse.stories")
public record StoriesProperties(
        @NotNull @DefaultValue("http://localhost:8080") URI publicBaseUrl,
        @Min(1) @Max(200) @DefaultValue("50") int feedSize,
        @NotNull @DefaultValue("Chapterhouse stories") String feedTitle) {

    /**
     * Sanitised HTML with its site-relative links ({@code href="/questions/…"}) made absolute from the public base
     * URL, for readers outside the network's site.
     */
    public String absoluteLinks(String safeHtml) {
        return safeHtml.replace("href=\"/", "href=\"" + link("/"));
    }

    /** {@code path} (starting with {@code /}) under the public base URL. */
    public String link(String path) {
        String base = publicBaseUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }
}
