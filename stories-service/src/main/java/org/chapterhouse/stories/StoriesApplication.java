package org.chapterhouse.stories;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class StoriesApplication {

    public static void main(String[] args) {
        SpringApplication.run(StoriesApplication.class, args);
    }
}
