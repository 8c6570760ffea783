package org.chapterhouse.stories.story;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.chapterhouse.support.web.ApiProblem;

/** Tags as stored and published: lowercase slugs of {@code [a-z0-9-]}, 1–30 characters, each once, in given order. */
final class Tags {

    static final int MAX_LENGTH = 30;

    private Tags() {
    }

    static List<String> normalise(List<String> raw) {
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : raw) {
            String slug = slug(tag);
            if (slug.isEmpty() || slug.length() > MAX_LENGTH) {
                throw ApiProblem.badRequest("invalid-tag", "Tag '" + tag + "' needs 1 to " + MAX_LENGTH
                        + " letters, digits or dashes");
            }
            tags.add(slug);
        }
        return List.copyOf(tags);
    }

    static String slug(String tag) {
        String ascii = Normalizer.normalize(tag, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    }
}
