package org.chapterhouse.support.testing;

import java.util.UUID;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a test's application context at {@link TestInfrastructure}, with a database of its own so contexts never
 * share state.
 */
public class InfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String bootstrap = TestInfrastructure.kafkaBootstrapServers();
        String database = "test-" + UUID.randomUUID().toString().substring(0, 8);
        TestPropertyValues.of(
                "spring.kafka.bootstrap-servers=" + bootstrap,
                "spring.cloud.stream.kafka.binder.brokers=" + bootstrap,
                "spring.cloud.stream.kafka.binder.auto-create-topics=true",
                "spring.mongodb.uri=" + TestInfrastructure.mongoUri(database)
        ).applyTo(context);
    }
}
