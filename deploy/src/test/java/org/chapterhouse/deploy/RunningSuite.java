package org.chapterhouse.deploy;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The packaged suite, started once for the whole test run and shared by every class that asks for it with
 * {@code @ExtendWith(RunningSuite.class)}: the first such class runs {@code ./chapterhouse down} then {@code up}
 * (about two minutes on two cores), the others find it running, and {@code down} runs once after the last test of
 * the run, when JUnit closes its root store. A class that stops a component ({@code ./chapterhouse stop kafka})
 * starts it again before it returns, since the classes after it use the same suite.
 *
 * <p>If {@code up} fails, {@code down} cleans up what it started, and every class that needs the suite fails with
 * that same cause instead of trying again.
 */
final class RunningSuite implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        Started suite = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(RunningSuite.class, key -> new Started(), Started.class);
        if (suite.failure != null) {
            throw new IllegalStateException("the suite did not start (see the first class's output)", suite.failure);
        }
    }

    /** The suite this run started; JUnit closes it once, at the end of the run. */
    static final class Started implements AutoCloseable {

        private final RuntimeException failure;
        private final Thread downOnExit = new Thread(() -> Suite.run("down"), "chapterhouse-down");

        Started() {
            RuntimeException failed = null;
            try {
                Suite.run("down");
                Suite.run("up");
                // a test JVM stopped by Ctrl-C or a Failsafe timeout still stops the processes it started
                Runtime.getRuntime().addShutdownHook(downOnExit);
            } catch (RuntimeException e) {
                failed = e;
                try {
                    Suite.run("down");
                } catch (RuntimeException alsoFailed) {
                    e.addSuppressed(alsoFailed);
                }
            }
            this.failure = failed;
        }

        @Override
        public void close() {
            if (failure != null) {
                return;
            }
            try {
                Runtime.getRuntime().removeShutdownHook(downOnExit);
            } catch (IllegalStateException shuttingDown) {
                return; // the hook runs down itself
            }
            Suite.run("down");
        }
    }
}
