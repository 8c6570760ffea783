package org.chapterhouse.support.testing;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The infrastructure integration tests run against, started once per test JVM: where a Docker engine answers, real
 * {@code apache/kafka} and {@code mongo} containers (Testcontainers); otherwise a real Kafka broker in KRaft mode
 * in-process and the MongoDB wire-protocol server (memory backend). The same tests run either way.
 * {@code CHAPTERHOUSE_TEST_INFRA=local|containers} forces a choice.
 */
public final class TestInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);
    private static String kafkaBootstrap;
    private static String mongoBase;
    private static String kind;

    private TestInfrastructure() {
    }

    public static synchronized String kafkaBootstrapServers() {
        start();
        return kafkaBootstrap;
    }

    /** A connection string for a database of the caller's choosing on the shared test Mongo. */
    public static synchronized String mongoUri(String database) {
        start();
        return mongoBase + "/" + database;
    }

    public static synchronized String kind() {
        start();
        return kind;
    }

    private static void start() {
        if (kind != null) {
            return;
        }
        String forced = System.getenv().getOrDefault("CHAPTERHOUSE_TEST_INFRA", "");
        boolean containers = forced.equals("containers") || (!forced.equals("local") && dockerAnswers());
        if (containers) {
            KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.2");
            MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");
            kafka.start();
            mongo.start();
            kafkaBootstrap = kafka.getBootstrapServers();
            mongoBase = mongo.getConnectionString();
            kind = "containers";
        } else {
            EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 2);
            broker.brokerProperties(Map.of("auto.create.topics.enable", "true",
                    "group.initial.rebalance.delay.ms", "0"));
            broker.afterPropertiesSet();
            kafkaBootstrap = broker.getBrokersAsString();
            MongoServer mongo = new MongoServer(new MemoryBackend());
            InetSocketAddress address = mongo.bind();
            mongoBase = "mongodb://127.0.0.1:" + address.getPort();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                mongo.shutdownNow();
                broker.destroy();
            }));
            kind = "local";
        }
        log.info("Test infrastructure: {} (Kafka {}, Mongo {})", kind, kafkaBootstrap, mongoBase);
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }
}
