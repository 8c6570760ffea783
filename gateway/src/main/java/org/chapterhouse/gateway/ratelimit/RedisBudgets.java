package org.chapterhouse.gateway.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * Buckets in Redis, shared by every gateway instance that points at the same server: Bucket4j's compare-and-swap
 * protocol over one asynchronous Lettuce connection. A key expires once its bucket would be full again.
 */
final class RedisBudgets implements Budgets, AutoCloseable {

    static final String KEY_PREFIX = "chapterhouse:rate-limit:";
    private final RedisClient client;
    private final StatefulRedisConnection<String, byte[]> connection;
    private final AsyncProxyManager<String> buckets;

    RedisBudgets(String url, Duration commandTimeout) {
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(commandTimeout);
        this.client = RedisClient.create(uri);
        this.connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        this.buckets = Bucket4jLettuce.casBasedBuilder(connection)
                .expirationAfterWrite(ExpirationAfterWriteStrategy
                        .basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .build().asAsync();
    }

    @Override
    public Mono<ConsumptionProbe> take(String key, BucketConfiguration configuration) {
        return Mono.fromFuture(() -> buckets.builder().build(KEY_PREFIX + key,
                () -> java.util.concurrent.CompletableFuture.completedFuture(configuration))
                .tryConsumeAndReturnRemaining(1));
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
