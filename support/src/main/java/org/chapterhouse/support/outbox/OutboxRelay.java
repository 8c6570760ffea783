package org.chapterhouse.support.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.chapterhouse.support.events.CloudEvent;
import org.chapterhouse.support.events.EventContract;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes the events waiting in the {@code outbox} arrays of the configured collections, oldest first, and pulls
 * each one from its document once Kafka has acknowledged it ({@code acks=all}, idempotent producer). Delivery is at
 * least once: a crash between the acknowledgement and the pull publishes that event again, with the same id.
 * When several instances run, one holds a lease (a single Mongo document) and publishes; the others wait.
 */
public final class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final JsonMapper json;
    private final OutboxLease lease;
    private final OutboxProperties properties;
    private final MeterRegistry meters;
    private final String metricPrefix;
    private final Counter failed;
    private final AtomicLong pending = new AtomicLong();
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile Thread worker;
    private volatile boolean running;

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, JsonMapper json, OutboxLease lease,
                       OutboxProperties properties, MeterRegistry meters, String metricPrefix) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.json = json;
        this.lease = lease;
        this.properties = properties;
        this.meters = meters;
        this.metricPrefix = metricPrefix;
        this.failed = meters.counter(metricPrefix + ".event.publish.failed");
        meters.gauge(metricPrefix + ".outbox.pending", pending);
    }

    /** Asks the relay to look for new events now rather than at its next poll. */
    public void wakeUp() {
        if (wakeUp.availablePermits() == 0) {
            wakeUp.release();
        }
    }

    /**
     * Publishes what is pending, in order, until the first failure.
     *
     * @return how many events were published
     */
    public int publishPending() {
        if (!lease.tryAcquire()) {
            pending.set(0); // another instance publishes; its gauge tells
            return 0;
        }
        List<Pending> batch = findPending();
        pending.set(batch.size());
        int sent = 0;
        for (Pending p : batch) {
            try {
                send(p.entry());
            } catch (Exception e) {
                failed.increment();
                log.warn("Outbox: could not publish event {} to {} ({}); will retry", p.entry().getString("eventId"),
                        p.entry().getString("topic"), rootMessage(e));
                return sent;
            }
            mongo.updateFirst(Query.query(Criteria.where("_id").is(p.documentId())),
                    new Update().pull(OutboxEntry.FIELD, new Document("eventId", p.entry().getString("eventId"))),
                    p.collection());
            // per topic and chapter, so operations see each chapter's traffic (chapters are a bounded set)
            Counter.builder(metricPrefix + ".event.published").tag("topic", p.entry().getString("topic"))
                    .tag("chapter", String.valueOf(p.entry().getString("chapterId"))).register(meters).increment();
            pending.decrementAndGet();
            sent++;
        }
        return sent;
    }

    private List<Pending> findPending() {
        List<Pending> all = new ArrayList<>();
        for (String collection : properties.collections()) {
            Query query = new Query(Criteria.where(OutboxEntry.FIELD + ".0").exists(true)).limit(properties.batchSize());
            query.fields().include(OutboxEntry.FIELD);
            for (Document doc : mongo.find(query, Document.class, collection)) {
                List<Document> entries = doc.getList(OutboxEntry.FIELD, Document.class);
                for (int i = 0; i < entries.size(); i++) {
                    all.add(new Pending(collection, doc.get("_id"), i, entries.get(i)));
                }
            }
        }
        // oldest first across documents; within a document, the order the events were raised in
        all.sort(Comparator.comparing((Pending p) -> p.entry().get("time", Date.class))
                .thenComparingInt(Pending::index));
        return all;
    }

    private void send(Document entry) throws Exception {
        EventContract contract = EventContract.of(entry.getString("topic"));
        Date time = entry.get("time", Date.class);
        CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, entry.getString("eventId"), contract.source(),
                contract.type(), entry.getString("key"), time.toInstant(), "application/json",
                contract.dataschema(), entry.getString("chapterId"), json.readTree(entry.getString("data")));
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(contract.topic(), entry.getString("key"), json.writeValueAsBytes(event));
        record.headers().add("content-type", CloudEvent.CONTENT_TYPE.getBytes());
        kafka.send(record).get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    private void loop() {
        Duration backoff = properties.pollInterval();
        while (running) {
            try {
                publishPending();
                // events still pending after a round means Kafka refused one: back off, up to maxBackoff
                backoff = pending.get() > 0 ? nextBackoff(backoff) : properties.pollInterval();
                wakeUp.tryAcquire(backoff.toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                log.warn("Outbox relay round failed: {}", rootMessage(e));
                backoff = nextBackoff(backoff);
                sleepQuietly(backoff);
            }
        }
    }

    private Duration nextBackoff(Duration current) {
        Duration doubled = current.multipliedBy(2);
        return doubled.compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff() : doubled;
    }

    private void sleepQuietly(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        running = true;
        Thread t = new Thread(this::loop, "outbox-relay");
        t.setDaemon(true);
        worker = t;
        t.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread t = worker;
        if (t != null) {
            t.interrupt();
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        lease.release();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private record Pending(String collection, Object documentId, int index, Document entry) {
    }
}
