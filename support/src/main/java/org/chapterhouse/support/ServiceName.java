package org.chapterhouse.support;

/** The service's short name ({@code discussions} for {@code discussions-service}): its metric prefix. */
public record ServiceName(String value) {

    public static ServiceName fromApplicationName(String applicationName) {
        return new ServiceName(applicationName.replaceFirst("-service$", ""));
    }

    public String metricPrefix() {
        return value;
    }
}
