package org.chapterhouse.members.member;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.chapterhouse.support.web.ApiProblem;

/** Skills and programs are stored as slugs: {@code "Homework Help"} becomes {@code "homework-help"}. */
final class Slugs {

    private Slugs() {
    }

    static String slug(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    /** The slugs of {@code values}, in order, without repeats; 400 {@code invalid-<field>} for one with no letter. */
    static List<String> slugs(String field, List<String> values) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String value : values) {
            String slug = slug(value);
            if (slug.isEmpty()) {
                throw ApiProblem.badRequest("invalid-" + field,
                        "Each entry of " + field + "s needs at least one letter or digit");
            }
            out.add(slug);
        }
        return List.copyOf(out);
    }
}
