package org.chapterhouse.support;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

@AutoConfiguration
public class SupportAutoConfiguration {

    @Bean
    ServiceName serviceName(@Value("${spring.application.name}") String applicationName) {
        return ServiceName.fromApplicationName(applicationName);
    }
}
