package org.chapterhouse.deploy;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test (or a {@code @BeforeEach}, or a {@code @BeforeAll}) method a fresh {@link Browser} for each
 * {@code Browser} parameter, so {@code void twoMembers(Browser lena, Browser milo)} has two people in two browsers.
 * Each one is closed when its method's scope ends, passed or failed. When a test fails, each of its browsers (and those
 * of its class) first saves what it showed to {@code target/screenshots/failed-<Class>-<method>[-<parameter>].png},
 * with the page's HTML ({@code .html}) and console ({@code .log}) beside it.
 */
final class Browsers implements ParameterResolver, AfterTestExecutionCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Browsers.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Browser.class
                && parameter.getDeclaringExecutable() instanceof Method;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Browser browser = Browser.launch();
        opened(context).add(new Opened(parameter.getParameter().getName(), browser));
        return browser;
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isEmpty()) {
            return;
        }
        String test = "failed-" + context.getRequiredTestClass().getSimpleName() + "-"
                + context.getRequiredTestMethod().getName();
        List<Opened> all = new ArrayList<>();
        for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
            Sessions sessions = c.get().getStore(NAMESPACE).get(Sessions.class, Sessions.class);
            if (sessions != null) {
                all.addAll(sessions.opened);
            }
        }
        for (Opened opened : all) {
            opened.browser().saveEvidence(all.size() == 1 ? test : test + "-" + opened.name());
        }
    }

    private static List<Opened> opened(ExtensionContext context) {
        return context.getStore(NAMESPACE).computeIfAbsent(Sessions.class, key -> new Sessions(), Sessions.class)
                .opened;
    }

    private record Opened(String name, Browser browser) {
    }

    /** The browsers opened in one scope; JUnit closes them when the scope ends. */
    private static final class Sessions implements AutoCloseable {

        private final List<Opened> opened = new ArrayList<>();

        @Override
        public void close() {
            opened.forEach(o -> o.browser().close());
        }
    }
}
