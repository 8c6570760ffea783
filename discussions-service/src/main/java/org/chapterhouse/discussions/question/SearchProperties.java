package org.chapterhouse.discussions.question;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The search index's settings ({@code chapterhouse.search}).
 *
 * @param indexDir     where the Lucene index lives; empty keeps it in memory and rebuilds it from the store at each start
 * @param pollInterval how often the index looks in the store for questions other instances changed; {@code 0s}
 *                     turns the poll off (one instance only, e.g. on the local wire server, where it is a scan)
 * @param batchSize    how many changed questions one poll takes at most
 */
@ConfigurationProperties("chapterhouse.search")
record SearchProperties(String indexDir, Duration pollInterval, Integer batchSize) {

    SearchProperties {
        pollInterval = pollInterval == null ? Duration.ofSeconds(2) : pollInterval;
        batchSize = batchSize == null ? 500 : batchSize;
    }
}
