package org.chapterhouse.discussions.question;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.chapterhouse.support.web.ApiProblem;

/** Tags are lowercase slugs ({@code Homework Help} becomes {@code homework-help}), 1 to 5 per post. */
final class Tags {

    static final int MIN = 1;
    static final int MAX = 5;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private Tags() {
    }

    static String slug(String raw) {
        return raw.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", "-");
    }

    static List<String> normalise(List<String> raw) {
        Set<String> tags = new LinkedHashSet<>();
        for (String t : raw) {
            String slug = slug(t);
            if (slug.length() > 30 || !SLUG.matcher(slug).matches()) {
                throw ApiProblem.badRequest("invalid-tag", "Tag '" + t + "' must be 1-30 letters, digits or dashes");
            }
            tags.add(slug);
        }
        if (tags.size() < MIN || tags.size() > MAX) {
            throw ApiProblem.badRequest("invalid-tags", "A question needs " + MIN + " to " + MAX + " distinct tags");
        }
        return List.copyOf(tags);
    }
}
