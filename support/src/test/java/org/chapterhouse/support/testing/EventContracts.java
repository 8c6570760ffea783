package org.chapterhouse.support.testing;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.chapterhouse.support.events.EventContract;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published contracts of {@code docs/events/}: the envelope schema, each event's JSON Schema (2020-12) and its
 * golden sample. Producers' tests check what they emit against them; consumers' tests feed them the samples.
 */
public final class EventContracts {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private EventContracts() {
    }

    /** {@code docs/events}, found from the working directory up (tests run in a module's directory). */
    public static Path directory() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("docs/events");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("docs/events not found above " + Path.of("").toAbsolutePath());
    }

    public static Path schemaFile(String topic) {
        EventContract c = EventContract.of(topic);
        return directory().resolve(c.owner()).resolve(c.fact() + ".v" + c.major() + ".schema.json");
    }

    public static byte[] goldenSample(String topic) {
        EventContract c = EventContract.of(topic);
        return read(directory().resolve(c.owner()).resolve(c.fact() + ".v" + c.major() + ".sample.json"));
    }

    /**
     * What is wrong with a record value published to {@code topic}: the envelope against the envelope schema,
     * {@code type}, {@code source} and {@code dataschema} against the topic, {@code data} against the event's schema.
     * Empty when it conforms.
     */
    public static List<String> violations(String topic, byte[] recordValue) {
        EventContract c = EventContract.of(topic);
        JsonNode event = JSON.readTree(recordValue);
        List<String> problems = new ArrayList<>();
        schema(directory().resolve("envelope.schema.json")).validate(event)
                .forEach(e -> problems.add("envelope: " + e));
        expect(problems, event, "type", c.type());
        expect(problems, event, "source", c.source());
        expect(problems, event, "dataschema", c.dataschema());
        if (event.has("data")) {
            schema(schemaFile(topic)).validate(event.get("data")).forEach(e -> problems.add("data: " + e));
        }
        return problems;
    }

    private static void expect(List<String> problems, JsonNode event, String field, String expected) {
        if (!event.has(field) || !expected.equals(event.get(field).asString())) {
            problems.add(field + " should be " + expected + " but is " + event.get(field));
        }
    }

    private static Schema schema(Path file) {
        return SCHEMAS.getSchema(new String(read(file)));
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
