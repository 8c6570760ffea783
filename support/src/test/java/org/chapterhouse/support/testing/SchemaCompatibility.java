package org.chapterhouse.support.testing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Whether an event schema may replace its last released version on the same topic. The rule of events.md, made
 * precise for the JSON Schema keywords the catalogue uses: a subscriber written against the released schema must still
 * read every event the new one allows, and every event already on the topic must still validate. So adding an optional
 * property is fine; removing, renaming or retyping one, making one required or optional, changing an enum, tightening a
 * length or pattern, or closing {@code additionalProperties} needs a new {@code .v2} topic.
 */
public final class SchemaCompatibility {

    private SchemaCompatibility() {
    }

    /** The incompatibilities of {@code current} with {@code released}; empty when it is a compatible evolution. */
    public static List<String> breakingChanges(JsonNode released, JsonNode current) {
        List<String> problems = new ArrayList<>();
        compare("$", released, current, problems);
        return problems;
    }

    private static void compare(String path, JsonNode released, JsonNode current, List<String> problems) {
        if (!types(released).equals(types(current))) {
            problems.add(path + ": type changed from " + types(released) + " to " + types(current));
        }
        if (!strings(released.get("enum")).equals(strings(current.get("enum")))) {
            problems.add(path + ": enum changed from " + strings(released.get("enum")) + " to "
                    + strings(current.get("enum")));
        }
        if (released.has("const") && !released.get("const").equals(current.get("const"))) {
            problems.add(path + ": const changed");
        }
        tightened(path, "minLength", released, current, true, problems);
        tightened(path, "minItems", released, current, true, problems);
        tightened(path, "minimum", released, current, true, problems);
        tightened(path, "maxLength", released, current, false, problems);
        tightened(path, "maxItems", released, current, false, problems);
        tightened(path, "maximum", released, current, false, problems);
        if (released.has("pattern") && !released.get("pattern").equals(current.get("pattern"))) {
            problems.add(path + ": pattern changed from " + released.get("pattern") + " to " + current.get("pattern"));
        }
        if (released.has("format") && !released.get("format").equals(current.get("format"))) {
            problems.add(path + ": format changed");
        }
        if (!strings(released.get("required")).equals(strings(current.get("required")))) {
            problems.add(path + ": required changed from " + strings(released.get("required")) + " to "
                    + strings(current.get("required")));
        }
        if (open(released) && !open(current)) {
            problems.add(path + ": additionalProperties closed; consumers and producers rely on tolerant additions");
        }
        JsonNode releasedProps = released.get("properties");
        JsonNode currentProps = current.get("properties");
        if (releasedProps != null) {
            for (String name : releasedProps.propertyNames()) {
                if (currentProps == null || !currentProps.has(name)) {
                    problems.add(path + "." + name + ": removed or renamed");
                } else {
                    compare(path + "." + name, releasedProps.get(name), currentProps.get(name), problems);
                }
            }
        }
        if (released.has("items")) {
            if (!current.has("items")) {
                problems.add(path + "[]: items schema removed");
            } else {
                compare(path + "[]", released.get("items"), current.get("items"), problems);
            }
        }
    }

    private static void tightened(String path, String keyword, JsonNode released, JsonNode current, boolean isMinimum,
                                  List<String> problems) {
        JsonNode r = released.get(keyword);
        JsonNode c = current.get(keyword);
        if (c == null) {
            return; // dropped or never there: looser
        }
        if (r == null || (isMinimum ? c.asDouble() > r.asDouble() : c.asDouble() < r.asDouble())) {
            problems.add(path + ": " + keyword + " tightened from " + r + " to " + c);
        }
    }

    private static boolean open(JsonNode schema) {
        JsonNode ap = schema.get("additionalProperties");
        return ap == null || !ap.isBoolean() || ap.asBoolean();
    }

    private static Set<String> types(JsonNode schema) {
        return strings(schema.get("type"));
    }

    private static Set<String> strings(JsonNode node) {
        Set<String> out = new HashSet<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asString()));
        } else {
            out.add(node.asString());
        }
        return out;
    }
}
