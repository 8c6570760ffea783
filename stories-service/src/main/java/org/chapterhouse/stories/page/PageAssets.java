package org.chapterhouse.stories.page;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.CacheControl;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The pages' stylesheet, a static resource at {@value #STYLESHEET}: cached for a year, with an ETag that is a hash
 * of its content. The pages link it as {@code ?v=<that hash>}, so a new stylesheet is a new URL and no reader keeps
 * an old one.
 */
@Component
class PageAssets implements WebMvcConfigurer {

    static final String STYLESHEET = "/stories/assets/stories.css";
    private static final String LOCATION = "classpath:/pages/assets/";

    private final String stylesheetHref;
    private final Map<String, String> etags = new ConcurrentHashMap<>();

    PageAssets(ResourceLoader resources) {
        this.stylesheetHref = STYLESHEET + "?v=" + hash(resources.getResource(LOCATION + "stories.css"));
    }

    /** The stylesheet's URL, with its version. */
    String stylesheetHref() {
        return stylesheetHref;
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/stories/assets/**").addResourceLocations(LOCATION)
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic())
                .setEtagGenerator(resource -> "\"" + etags.computeIfAbsent(String.valueOf(resource.getFilename()),
                        name -> hash(resource)) + "\"");
    }

    private static String hash(Resource resource) {
        try {
            return Versions.hash(resource.getContentAsByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
