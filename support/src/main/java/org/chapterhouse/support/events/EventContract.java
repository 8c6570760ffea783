package org.chapterhouse.support.events;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Everything the envelope says about an event follows from its topic name {@code <owner>.<fact>.v<major>}:
 * {@code discussions.question-posted.v1} has source {@code /chapterhouse/discussions}, type
 * {@code org.chapterhouse.discussions.QuestionPosted.v1} and schema
 * {@code https://chapterhouse.example/schemas/discussions/question-posted.v1.json}.
 */
public record EventContract(String topic, String owner, String fact, int major) {

    private static final Pattern TOPIC = Pattern.compile("([a-z]+)\\.([a-z]+(?:-[a-z]+)*)\\.v([1-9][0-9]*)");
    public static final String SCHEMA_BASE = "https://chapterhouse.example/schemas/";

    public static EventContract of(String topic) {
        var m = TOPIC.matcher(topic);
        if (!m.matches()) {
            throw new IllegalArgumentException("Topic '" + topic + "' is not <owner>.<fact-in-kebab-case>.v<major>");
        }
        return new EventContract(topic, m.group(1), m.group(2), Integer.parseInt(m.group(3)));
    }

    public String source() {
        return "/chapterhouse/" + owner;
    }

    public String type() {
        String pascal = Arrays.stream(fact.split("-"))
                .map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1))
                .collect(Collectors.joining());
        return "org.chapterhouse." + owner + "." + pascal + ".v" + major;
    }

    public String dataschema() {
        return SCHEMA_BASE + owner + "/" + fact + ".v" + major + ".json";
    }
}
