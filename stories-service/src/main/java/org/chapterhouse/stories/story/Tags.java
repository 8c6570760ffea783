package org.chapterhouse.stories.story;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.chapterhouse.support.web.ApiProblem;

/**
 * Tags are lowercase slugs, by the same rule as discussions-service: the input is stripped and lowercased, runs of
 * whitespace or underscores become {@code -} ({@code "Homework Help"} → {@code homework-help}); the result must
 * match {@code [a-z0-9]+(-[a-z0-9]+)*} and be at most 30 characters, else 400 {@code invalid-tag}. A story has 1 to
 * 5 distinct tags, else 400 {@code invalid-tags}. Nothing else is rewritten: {@code "C++"} is refused, not guessed.
 */
final class Tags {

    static final int MIN = 1;
    static final int MAX = 5;
    static final int MAX_LENGTH = 30;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private Tags() {
    }

    /** The slug {@code raw} stands for (not yet checked). */
    public static String slug(String raw) {
        return raw.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", "-");
    }

    /** The slug {@code raw} stands for; 400 {@code invalid-tag} when that is no slug. */
    static String checked(String raw) {
        String slug = raw == null ? "" : slug(raw);
        if (slug.length() > MAX_LENGTH || !SLUG.matcher(slug).matches()) {
            throw ApiProblem.badRequest("invalid-tag", "Tag '" + raw + "' must be 1-" + MAX_LENGTH
                    + " lowercase letters or digits, words joined by single dashes");
        }
        return slug;
    }

    /** The distinct slugs, in the order given; 400 when one is not a slug or there are not 1 to 5 of them. */
    static List<String> normalise(List<String> raw) {
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : raw) {
            tags.add(checked(tag));
        }
        if (tags.size() < MIN || tags.size() > MAX) {
            throw ApiProblem.badRequest("invalid-tags", "A story needs " + MIN + " to " + MAX + " distinct tags");
        }
        return List.copyOf(tags);
    }
}
