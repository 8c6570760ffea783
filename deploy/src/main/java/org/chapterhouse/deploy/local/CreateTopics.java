package org.chapterhouse.deploy.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;

/**
 * Creates the topics of the catalogue ({@code deploy/kafka/topics.tsv}) that do not exist yet, with their partition
 * counts and retention, and checks the ones that do. Waits for the broker (up to a minute) first.
 *
 * <p>Usage: {@code CreateTopics <bootstrap-servers> <topics.tsv> [replication-factor]}
 */
public final class CreateTopics {

    record Topic(String name, int partitions, String retentionMs, String cleanupPolicy) {
    }

    private CreateTopics() {
    }

    static List<Topic> catalogue(Path file) throws Exception {
        List<Topic> topics = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            topics.add(new Topic(f[0], Integer.parseInt(f[1]), f[2], f[3]));
        }
        return topics;
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        List<Topic> catalogue = catalogue(Path.of(args[1]));
        short replication = args.length > 2 ? Short.parseShort(args[2]) : 1;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000))) {
            Set<String> existing = existingTopics(admin);
            List<NewTopic> missing = catalogue.stream().filter(t -> !existing.contains(t.name()))
                    .map(t -> new NewTopic(t.name(), t.partitions(), replication)
                            .configs(Map.of("retention.ms", t.retentionMs(), "cleanup.policy", t.cleanupPolicy())))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
            Map<String, TopicDescription> described = admin.describeTopics(
                    catalogue.stream().map(Topic::name).toList()).allTopicNames().get();
            for (Topic t : catalogue) {
                int actual = described.get(t.name()).partitions().size();
                if (actual != t.partitions()) {
                    System.out.println("WARNING: " + t.name() + " has " + actual + " partitions, the catalogue says "
                            + t.partitions());
                }
            }
            // existing topics get the catalogue's retention and cleanup policy (a catalogue change takes effect)
            Map<ConfigResource, java.util.Collection<AlterConfigOp>> configs = new java.util.HashMap<>();
            for (Topic t : catalogue) {
                configs.put(new ConfigResource(ConfigResource.Type.TOPIC, t.name()), List.of(
                        new AlterConfigOp(new ConfigEntry("retention.ms", t.retentionMs()), AlterConfigOp.OpType.SET),
                        new AlterConfigOp(new ConfigEntry("cleanup.policy", t.cleanupPolicy()),
                                AlterConfigOp.OpType.SET)));
            }
            admin.incrementalAlterConfigs(configs).all().get();
            System.out.println("Topics: " + catalogue.size() + " in the catalogue, " + missing.size() + " created");
        }
    }

    private static Set<String> existingTopics(Admin admin) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            try {
                return admin.listTopics().names().get();
            } catch (Exception e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Kafka did not answer within 60 s", e);
                }
                Thread.sleep(500);
            }
        }
    }
}
