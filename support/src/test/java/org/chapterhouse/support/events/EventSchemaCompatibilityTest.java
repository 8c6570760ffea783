package org.chapterhouse.support.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.chapterhouse.support.testing.EventContracts;
import org.chapterhouse.support.testing.SchemaCompatibility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Guards the event stream: no published schema may change incompatibly with its last released version. */
class EventSchemaCompatibilityTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Stream<Path> releasedSchemas() throws IOException {
        Path released = EventContracts.directory().resolve("released");
        try (Stream<Path> files = Files.walk(released)) {
            return files.filter(p -> p.toString().endsWith(".schema.json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("releasedSchemas")
    void everyReleasedSchemaIsStillPublishedAndOnlyEvolvedCompatibly(Path released) {
        Path relative = EventContracts.directory().resolve("released").relativize(released);
        Path current = EventContracts.directory().resolve(relative);
        assertThat(current).as("a released topic's schema cannot disappear: " + relative).exists();
        assertThat(SchemaCompatibility.breakingChanges(read(released), read(current))).as(relative.toString())
                .isEmpty();
    }

    @Test
    void theCatalogueHasAReleasedBaselineForEverySchema() throws IOException {
        try (Stream<Path> files = Files.walk(EventContracts.directory())) {
            List<Path> schemas = files.filter(p -> p.toString().endsWith(".v1.schema.json"))
                    .filter(p -> !p.toString().contains("/released/")).toList();
            assertThat(schemas).isNotEmpty().allSatisfy(p -> assertThat(EventContracts.directory()
                    .resolve("released").resolve(EventContracts.directory().relativize(p))).exists());
        }
    }

    @Test
    void acceptsAnAddedOptionalField() {
        assertThat(SchemaCompatibility.breakingChanges(fixture("released.json"),
                fixture("compatible-added-optional-field.json"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"broken-removed-field.json", "broken-renamed-field.json", "broken-retyped-field.json",
            "broken-new-required-field.json"})
    void refusesARemovedRenamedRetypedOrNewlyRequiredField(String fixture) {
        assertThat(SchemaCompatibility.breakingChanges(fixture("released.json"), fixture(fixture))).isNotEmpty();
    }

    private static JsonNode fixture(String name) {
        try (var in = EventSchemaCompatibilityTest.class.getResourceAsStream("/compat/" + name)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
