package org.chapterhouse.deploy.local;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The one-machine default store: the MongoDB wire-protocol server (mongo-java-server) persisting to one H2 file.
 * Each service uses its own database on it. Stop it with SIGTERM: a clean stop flushes everything (H2 commits about
 * once a second, so a {@code kill -9} can lose the last second of writes). Not for production: see docs/local-store.md.
 *
 * <p>Usage: {@code LocalMongo <host> <port> <data-file>}
 */
public final class LocalMongo {

    private LocalMongo() {
    }

    public static void main(String[] args) throws Exception {
        String host = args.length > 0 ? args[0] : "127.0.0.1";
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 27017;
        if (args.length > 2 && args[2].equals("memory")) {
            // benchmarks at scale: H2's MVStore fails scans of 100,000 documents (docs/local-store.md)
            serve(new MongoServer(new de.bwaldvogel.mongo.backend.memory.MemoryBackend()), host, port, "memory");
            return;
        }
        Path file = Path.of(args.length > 2 ? args[2] : ".run/data/mongo/chapterhouse.mv");
        Files.createDirectories(file.toAbsolutePath().getParent());
        // Background compaction off: with it on, H2 2.4's MVStore can free a chunk a long scan still reads ("Chunk N
        // not found", h2database#4383), which we hit scanning 100,000 documents. The file grows more between stops.
        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCompactFillRate(0).open();
        H2Backend backend = new H2Backend(store);
        serve(new MongoServer(backend), host, port, file.toString());
    }

    private static void serve(MongoServer server, String host, int port, String data) throws InterruptedException {
        server.bind(host, port);
        System.out.println("MongoDB wire server listening on " + host + ":" + port + ", data in " + data);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            stopped.countDown();
            System.out.println("MongoDB wire server stopped cleanly");
        }));
        stopped.await();
    }
}
