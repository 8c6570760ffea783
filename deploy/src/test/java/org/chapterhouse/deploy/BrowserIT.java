package org.chapterhouse.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The browser harness itself, on pages of its own served by a JDK HTTP server: no suite needed, a few seconds.
 */
@ExtendWith(Browsers.class)
class BrowserIT {

    static final String FORM = """
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Fixture</title></head>
            <body><main>
              <h1>Fixture</h1>
              <form id="sign-in">
                <label for="email">Email<span aria-hidden="true"> *</span></label> <input id="email" type="email">
                <label>Password <input id="password" type="password"></label>
                <button type="submit">Sign
                  in</button>
              </form>
              <button type="button" aria-label="Close">×</button>
              <button type="button" style="display:none">Ghost</button>
              <a href="/stories">Stories</a>
              <p id="welcome"></p>
              <div style="height:3000px">a long page</div>
            </main>
            <script>
              document.getElementById('sign-in').addEventListener('submit', e => {
                e.preventDefault();
                setTimeout(() => {
                  document.getElementById('welcome').textContent = 'Welcome, ' + document.getElementById('email').value;
                  history.pushState({}, '', '/signed-in');
                }, 300);
              });
            </script>
            </body></html>
            """;

    static final String BROKEN = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Broken</title></head>
            <body><main><h1>Broken</h1><img src="/nothing.png"><button type="button"></button></main></body></html>
            """;

    static HttpServer server;
    static String site;

    @BeforeAll
    static void serveTheFixtures() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        Map<String, String> pages = Map.of("/form", FORM, "/broken", BROKEN);
        server.createContext("/", exchange -> {
            String page = pages.get(exchange.getRequestURI().getPath());
            byte[] body = (page == null ? "not here" : page).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", page == null ? "text/plain" : "text/html; charset=utf-8");
            exchange.sendResponseHeaders(page == null ? 404 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        site = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stopServing() {
        server.stop(0);
    }

    @Test
    void findsFieldsButtonsLinksAndHeadingsByWhatAPersonReads(Browser browser) {
        browser.open(site + "/form");
        browser.fill("Email", "milo@example.org").fill("Password", "a long password");
        browser.click(browser.button("Sign in"));

        browser.waitForText("Welcome, milo@example.org").waitForPath("/signed-in");
        assertThat(browser.heading("Fixture").getTagName()).isEqualTo("h1");
        assertThat(browser.link("Stories").getAttribute("href")).isEqualTo(site + "/stories");
        assertThat(browser.button("Close").getText()).isEqualTo("×");
        assertThat(browser.byLabel(Pattern.compile("pass.*", Pattern.CASE_INSENSITIVE)).getAttribute("id"))
                .isEqualTo("password");
    }

    @Test
    void aLocatorThatFindsNothingNamesWhatItSaw(Browser browser) {
        browser.timeout(Duration.ofSeconds(1)).open(site + "/form");

        assertThatThrownBy(() -> browser.button("Ghost")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("no visible button named \"Ghost\"")
                .hasMessageContaining("\"Sign in\", \"Close\"");
        assertThatThrownBy(() -> browser.waitForText("Goodbye")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("a long page");
    }

    @Test
    void screenshotsTheWholePageAtTheViewportsWidth(Browser browser) throws IOException {
        browser.open(site + "/form");

        assertThat(pngSize(browser.screenshot("browser-it-desktop"))).satisfies(size -> {
            assertThat(size[0]).isEqualTo(1280);
            assertThat(size[1]).isGreaterThan(3000);
        });
        assertThat(pngSize(browser.phone().screenshot("browser-it-phone"))).satisfies(size -> {
            assertThat(size[0]).isEqualTo(390);
            assertThat(size[1]).isGreaterThan(3000);
        });
    }

    @Test
    void aPageWithoutSeriousViolationsPassesTheAccessibilityCheck(Browser browser) {
        browser.open(site + "/form");

        assertThat(browser.assertAccessible("browser-it-form").getPasses()).isNotEmpty();
        assertThat(Browser.AXE_REPORTS.resolve("browser-it-form.json")).exists();
    }

    @Test
    void aSeriousViolationFailsTheCheckNamingRuleImpactAndElement(Browser browser) {
        browser.open(site + "/broken");

        assertThatThrownBy(() -> browser.assertAccessible("browser-it-broken")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("image-alt (critical)")
                .hasMessageContaining("button-name (critical)")
                .hasMessageContaining("\n    img");
        assertThat(Browser.AXE_REPORTS.resolve("browser-it-broken.json")).content().contains("\"image-alt\"");
    }

    @Test
    void twoBrowsersAreTwoPeople(Browser lena, Browser milo) {
        lena.open(site + "/form");
        milo.open(site + "/form");

        lena.script("localStorage.setItem('who', 'lena'); document.cookie = 'who=lena'");
        assertThat(milo.script("return localStorage.getItem('who')")).isNull();
        assertThat(milo.script("return document.cookie")).isEqualTo("");
        assertThat(lena.open(site + "/form").script("return localStorage.getItem('who')")).isEqualTo("lena");
    }

    @Test
    void aFailedTestLeavesTheScreenTheHtmlAndTheConsoleBehind() throws IOException {
        Path screenshots = Browser.SCREENSHOTS;
        String name = "failed-FailingJourney-showsWhatItSawWhenItFails";
        for (String ext : new String[] {".png", ".html", ".log"}) {
            Files.deleteIfExists(screenshots.resolve(name + ext));
        }
        FailingJourney.onPurpose = true;
        try {
            EngineTestKit.engine("junit-jupiter").selectors(selectClass(FailingJourney.class)).execute()
                    .testEvents().assertStatistics(stats -> stats.started(1).failed(1));
        } finally {
            FailingJourney.onPurpose = false;
        }

        assertThat(pngSize(screenshots.resolve(name + ".png"))[0]).isEqualTo(1280);
        assertThat(screenshots.resolve(name + ".html")).content().startsWith(site + "/form").contains("<h1>Fixture");
        assertThat(screenshots.resolve(name + ".log")).content().contains("a message from the page");
    }

    /** Fails on purpose, run only by the test above. */
    @ExtendWith(Browsers.class)
    static class FailingJourney {

        static boolean onPurpose;

        @Test
        void showsWhatItSawWhenItFails(Browser browser) {
            assumeTrue(onPurpose);
            browser.open(site + "/form").script("console.error('a message from the page')");
            assertThat(browser.title()).isEqualTo("not the title");
        }
    }

    /** Width and height from a PNG's header. */
    static int[] pngSize(Path png) throws IOException {
        ByteBuffer header = ByteBuffer.wrap(Files.readAllBytes(png), 16, 8);
        return new int[] {header.getInt(), header.getInt()};
    }
}
