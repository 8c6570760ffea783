package org.chapterhouse.analytics;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The reference subscriber of Chapterhouse's public event stream: it stores each event as a fact keyed by its
 * CloudEvents {@code id} and computes every figure from the facts, so replays and redeliveries never double count.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AnalyticsApplication {

    public static void main(String[] args) {
        SpringApplication.run(AnalyticsApplication.class, args);
    }
}
