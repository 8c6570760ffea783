package org.chapterhouse.deploy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged suite, run exactly as a person runs it: through the {@code chapterhouse} script, as real processes,
 * in a state directory and on ports of its own (every port + 10000) so it never meets a suite a developer runs.
 */
final class Suite {

    static final int OFFSET = 10_000;
    static final String GATEWAY = "http://127.0.0.1:" + (8080 + OFFSET);
    static final String MONGO = "mongodb://127.0.0.1:" + (27017 + OFFSET);
    static final String KAFKA = "127.0.0.1:" + (9092 + OFFSET);
    static final String ANALYTICS = "http://127.0.0.1:" + (8085 + OFFSET);
    static final String ADMIN_EMAIL = "admin@e2e.chapterhouse.test";
    static final String ADMIN_PASSWORD = "e2e-admin-password";

    private static final Path ROOT = Path.of(System.getenv().getOrDefault("CHAPTERHOUSE_ROOT", ".."))
            .toAbsolutePath().normalize();
    /** deploy/target: where the tests leave what a person looks at afterwards (screenshots, axe reports). */
    static final Path TARGET = ROOT.resolve("deploy/target");
    private static final Path STATE = TARGET.resolve("e2e-run");

    private Suite() {
    }

    static void run(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(ROOT.resolve("chapterhouse").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile()).inheritIO();
        Map<String, String> env = pb.environment();
        env.put("CHAPTERHOUSE_HOME", STATE.toString());
        env.put("CHAPTERHOUSE_PORT_OFFSET", String.valueOf(OFFSET));
        env.put("CHAPTERHOUSE_SKIP_BUILD", "1");
        env.put("CHAPTERHOUSE_ADMIN_EMAIL", ADMIN_EMAIL);
        env.put("CHAPTERHOUSE_ADMIN_PASSWORD", ADMIN_PASSWORD);
        try {
            Process p = pb.start();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("chapterhouse " + String.join(" ", args) + " did not finish");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("chapterhouse " + String.join(" ", args) + " exited " + p.exitValue()
                        + "; logs in " + STATE.resolve("logs"));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
