package org.chapterhouse.discussions;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class DiscussionsApplication {

    public static void main(String[] args) {
        SpringApplication.run(DiscussionsApplication.class, args);
    }
}
