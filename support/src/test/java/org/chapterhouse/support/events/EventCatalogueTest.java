package org.chapterhouse.support.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chapterhouse.support.testing.EventContracts;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The catalogue cannot drift from what runs: every topic the broker is given ({@code deploy/kafka/topics.tsv}) is a
 * channel of the AsyncAPI document with the same partitions and retention, every fact topic has a schema and a
 * golden sample, and every file the document refers to exists.
 */
class EventCatalogueTest {

    private static final Path EVENTS = EventContracts.directory();

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> channelsByAddress() throws IOException {
        Map<String, Object> doc = new Yaml().load(Files.readString(EVENTS.resolve("asyncapi.yaml")));
        assertThat(doc.get("asyncapi")).isEqualTo("3.0.0");
        Map<String, Map<String, Object>> byAddress = new HashMap<>();
        ((Map<String, Map<String, Object>>) doc.get("channels")).values()
                .forEach(c -> byAddress.put((String) c.get("address"), c));
        return byAddress;
    }

    private static List<String[]> topicCatalogue() throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(EVENTS.getParent().getParent().resolve("deploy/kafka/topics.tsv"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                rows.add(line.split("\t"));
            }
        }
        return rows;
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyTopicTheBrokerIsGivenIsDocumentedWithItsPartitionsAndRetention() throws IOException {
        Map<String, Map<String, Object>> channels = channelsByAddress();
        for (String[] topic : topicCatalogue()) {
            assertThat(channels).as("AsyncAPI channel for " + topic[0]).containsKey(topic[0]);
            Map<String, Object> kafka = (Map<String, Object>) ((Map<String, Object>) channels.get(topic[0])
                    .get("bindings")).get("kafka");
            assertThat(kafka.get("partitions")).as(topic[0] + " partitions").isEqualTo(Integer.parseInt(topic[1]));
            Object retention = ((Map<String, Object>) kafka.get("topicConfiguration")).get("retention.ms");
            assertThat(String.valueOf(retention)).as(topic[0] + " retention").isEqualTo(topic[2]);
        }
        assertThat(channels.keySet()).as("no documented topic is missing from the broker's catalogue")
                .containsExactlyInAnyOrderElementsOf(topicCatalogue().stream().map(t -> t[0]).toList());
    }

    @Test
    void everyFactTopicHasASchemaAndAGoldenSample() throws IOException {
        for (String[] topic : topicCatalogue()) {
            if (topic[0].contains("dead-letter")) {
                continue;
            }
            assertThat(EventContracts.schemaFile(topic[0])).exists();
            assertThat(EventContracts.goldenSample(topic[0])).isNotEmpty();
        }
    }

    @Test
    void everyFileTheAsyncApiDocumentRefersToExists() throws IOException {
        Matcher refs = Pattern.compile("\\$ref: '(\\./[^'#]+)'").matcher(Files.readString(EVENTS.resolve("asyncapi.yaml")));
        int count = 0;
        while (refs.find()) {
            assertThat(EVENTS.resolve(refs.group(1)).normalize()).exists();
            count++;
        }
        assertThat(count).isGreaterThan(7);
    }
}
