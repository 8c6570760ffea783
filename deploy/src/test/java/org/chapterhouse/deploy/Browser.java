package org.chapterhouse.deploy;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.deque.html.axecore.selenium.AxeReporter;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.JavascriptException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * One headless Chromium (Debian's {@code chromium}, driven through its {@code chromedriver}) with a profile of its
 * own, pointed at the suite's gateway. Two instances are two people: separate processes, separate cookies and
 * storage. Nothing is downloaded: the driver and the browser are the machine's, and axe-core comes in its jar.
 *
 * <pre>{@code
 * @ExtendWith({RunningSuite.class, Browsers.class})
 * class WebAppIT {
 *     @Test
 *     void aMemberSignsIn(Browser browser) {
 *         browser.open("/");
 *         browser.fill("Email", "milo@demo.chapterhouse.local").fill("Password", "chapterhouse-demo");
 *         browser.click(browser.button("Sign in"));
 *         browser.waitForText("Riverside Homework Club");
 *         browser.screenshot("signed-in");
 *         browser.assertAccessible("signed-in");
 *     }
 * }
 * }</pre>
 *
 * Locators wait (up to {@link #TIMEOUT}) for a visible element and find it by what a person reads, not by CSS:
 * {@link #byLabel}, {@link #button}, {@link #link}, {@link #heading}. Outside {@link Browsers}, use
 * {@link #launch()} in a try-with-resources.
 */
final class Browser implements AutoCloseable {

    /** How long a locator or a wait looks before it fails: {@code -Dbrowser.timeout=SECONDS}, default 20. */
    static final Duration TIMEOUT = Duration.ofSeconds(Long.getLong("browser.timeout", 20));
    static final Path SCREENSHOTS = Suite.TARGET.resolve("screenshots");
    static final Path AXE_REPORTS = Suite.TARGET.resolve("axe");
    /** WCAG 2.0, 2.1 and 2.2 at levels A and AA: what {@link #assertAccessible} checks. */
    static final List<String> WCAG_A_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    /** Without these the closed network refuses Chromium's own background connections, slowly. */
    static final List<String> FLAGS = List.of("--headless=new", "--no-sandbox", "--disable-gpu",
            "--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--window-size=1280,900");

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final String CHROME = System.getenv().getOrDefault("CHROME_BIN", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY,
            System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));

    private final ChromeDriver driver;
    private final Path profile;
    private final WebDriverWait wait;
    private Duration timeout = TIMEOUT;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
        this.wait = new WebDriverWait(driver, TIMEOUT);
        // a page that re-renders or navigates under a wait is not a failure: look again
        wait.ignoring(StaleElementReferenceException.class).ignoring(JavascriptException.class);
    }

    /** Starts a new browser, with a fresh profile, at the desktop size. Close it (or let {@link Browsers} do it). */
    static Browser launch() {
        for (String exe : List.of(CHROME, CHROMEDRIVER)) {
            if (!new File(exe).canExecute()) {
                throw new IllegalStateException(exe + " is missing: the browser tests need Debian's chromium and "
                        + "chromium-driver (apt-get install chromium chromium-driver; .ci/run installs them), or "
                        + "CHROME_BIN and -Dwebdriver.chrome.driver naming another Chromium and its driver");
            }
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("chapterhouse-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROME);
        options.addArguments(FLAGS);
        options.addArguments("--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        // an explicit driver executable: Selenium Manager is never asked (and never downloads anything)
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        ChromeDriver driver = null;
        try {
            driver = new ChromeDriver(service, options);
            Browser browser = new Browser(driver, profile);
            // no scrollbar: a long page keeps the viewport's width, and screenshots are the page alone
            driver.executeCdpCommand("Emulation.setScrollbarsHidden", Map.of("hidden", true));
            browser.desktop();
            return browser;
        } catch (RuntimeException e) {
            if (driver != null) {
                driver.quit();
            }
            service.stop();
            delete(profile);
            throw e;
        }
    }

    /** How long this browser's locators and waits look from now on (default {@link #TIMEOUT}). */
    Browser timeout(Duration timeout) {
        this.timeout = timeout;
        wait.withTimeout(timeout);
        return this;
    }

    /** Runs JavaScript in the page ({@code arguments[0]}… are {@code args}) and returns what it returns. */
    Object script(String javascript, Object... args) {
        return driver.executeScript(javascript, args);
    }

    /** The Selenium driver, for what the helpers here do not cover. */
    WebDriver driver() {
        return driver;
    }

    /** Goes to {@code path} on the gateway ({@code "/"}, {@code "/stories"}), or to an absolute URL. */
    Browser open(String path) {
        driver.get(path.startsWith("http://") || path.startsWith("https://") ? path : Suite.GATEWAY + path);
        return this;
    }

    /** A phone's viewport: 390 x 844 CSS pixels, mobile (the page's {@code <meta name=viewport>} applies). */
    Browser phone() {
        return viewport(390, 844, true);
    }

    /** A laptop's viewport, 1280 x 900: where every browser starts. */
    Browser desktop() {
        return viewport(1280, 900, false);
    }

    /** Any viewport, in CSS pixels; it lasts across navigations. */
    Browser viewport(int width, int height, boolean mobile) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", mobile));
        return this;
    }

    String title() {
        return driver.getTitle();
    }

    /** The path (and query) the page is at, e.g. {@code /questions/q-1?tab=answers}. */
    String path() {
        java.net.URI uri = java.net.URI.create(driver.getCurrentUrl());
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** The text a person sees on the page (the body's {@code innerText}). */
    String text() {
        Object text = driver.executeScript("return document.body ? document.body.innerText : ''");
        return text == null ? "" : text.toString();
    }

    // ---- finding things by what a person reads ----

    /** The visible form field whose label (its {@code <label>}, {@code aria-label} or {@code aria-labelledby}) is
     * {@code label}, whitespace aside. */
    WebElement byLabel(String label) {
        return find("field", exactly(label), "\"" + label + "\"");
    }

    WebElement byLabel(Pattern label) {
        return find("field", label, "/" + label + "/");
    }

    /** The visible button ({@code <button>}, {@code role=button}, a submit input) named {@code name}. */
    WebElement button(String name) {
        return find("button", exactly(name), "\"" + name + "\"");
    }

    WebElement button(Pattern name) {
        return find("button", name, "/" + name + "/");
    }

    /** The visible link ({@code <a href>}, {@code role=link}) named {@code name}. */
    WebElement link(String name) {
        return find("link", exactly(name), "\"" + name + "\"");
    }

    WebElement link(Pattern name) {
        return find("link", name, "/" + name + "/");
    }

    /** The visible heading ({@code <h1>}…{@code <h6>}, {@code role=heading}) that reads {@code text}. */
    WebElement heading(String text) {
        return find("heading", exactly(text), "\"" + text + "\"");
    }

    WebElement heading(Pattern text) {
        return find("heading", text, "/" + text + "/");
    }

    /** Types {@code text} into the field labelled {@code label}, replacing what was there. */
    Browser fill(String label, String text) {
        WebElement field = byLabel(label);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Clicks {@code element} as soon as it is enabled and nothing covers it (an overlay fading out, say). */
    Browser click(WebElement element) {
        try {
            wait.until(d -> {
                try {
                    if (!element.isEnabled()) {
                        return false;
                    }
                    element.click();
                    return true;
                } catch (ElementNotInteractableException notYet) { // also ElementClickInterceptedException
                    return false;
                }
            });
        } catch (TimeoutException e) {
            throw new AssertionError("could not click " + element + " on " + driver.getCurrentUrl() + " within "
                    + timeout.toSeconds() + " s", e);
        }
        return this;
    }

    // ---- waiting ----

    /** Waits until {@code condition} returns something other than null or false, and returns it. */
    <T> T waitUntil(Function<WebDriver, T> condition) {
        return wait.until(condition);
    }

    /** Waits until the page shows {@code text} somewhere. */
    Browser waitForText(String text) {
        try {
            wait.until(d -> text().contains(text));
        } catch (TimeoutException e) {
            throw new AssertionError("\"" + text + "\" did not appear on " + driver.getCurrentUrl() + " within "
                    + timeout.toSeconds() + " s; the page reads: " + abbreviate(text(), 600), e);
        }
        return this;
    }

    /** Waits until the page is at {@code path} (a single-page app's route). */
    Browser waitForPath(String path) {
        try {
            wait.until(d -> path().equals(path));
        } catch (TimeoutException e) {
            throw new AssertionError("the page did not reach " + path + " within " + timeout.toSeconds()
                    + " s; it is at " + path(), e);
        }
        return this;
    }

    // ---- what a person looks at afterwards ----

    /** Saves the whole page (or, if the browser cannot, the viewport) to {@code target/screenshots/NAME.png}. */
    Path screenshot(String name) {
        Path file = SCREENSHOTS.resolve(name + ".png");
        write(file, png());
        return file;
    }

    /**
     * Runs axe-core on the page for WCAG 2.x A and AA, writes the whole result to {@code target/axe/NAME.json}, and
     * fails, listing each rule with its impact, help and the elements' selectors, if any violation is serious or
     * critical. Moderate and minor ones are only in the JSON. Returns the result for finer assertions.
     */
    Results assertAccessible(String name) {
        Results results = new AxeBuilder().withTags(WCAG_A_AA).analyze(driver);
        Path report = AXE_REPORTS.resolve(name + ".json");
        write(report, JSON.writeValueAsBytes(JSON.readTree(AxeReporter.serialize(results))));
        if (results.isErrored()) {
            throw new AssertionError("axe could not check " + results.getUrl() + ": " + results.getErrorMessage());
        }
        List<Rule> blocking = results.getViolations().stream()
                .filter(r -> "serious".equals(r.getImpact()) || "critical".equals(r.getImpact())).toList();
        if (!blocking.isEmpty()) {
            StringBuilder message = new StringBuilder().append(blocking.size())
                    .append(" serious or critical accessibility violation(s) (axe-core, WCAG 2.x A/AA) on ")
                    .append(results.getUrl()).append(" — the whole result is in ").append(report).append(':');
            for (Rule rule : blocking) {
                message.append("\n- ").append(rule.getId()).append(" (").append(rule.getImpact()).append("): ")
                        .append(rule.getHelp()).append(" <").append(rule.getHelpUrl()).append('>');
                for (CheckedNode node : rule.getNodes()) {
                    message.append("\n    ").append(selector(node.getTarget()));
                }
            }
            throw new AssertionError(message);
        }
        return results;
    }

    /** What the browser logged to its console since the last call (errors, warnings, {@code console.log}). */
    List<String> console() {
        try {
            return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .map(e -> e.getLevel() + " " + e.getMessage()).toList();
        } catch (WebDriverException e) {
            return List.of("(no console log: " + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }

    /** After a failed test: the page as it was (PNG), its HTML and its console, as {@code NAME.png/.html/.log}. */
    void saveEvidence(String name) {
        try {
            screenshot(name);
        } catch (RuntimeException e) {
            System.err.println("no screenshot for " + name + ": " + e);
        }
        try {
            write(SCREENSHOTS.resolve(name + ".html"), (driver.getCurrentUrl() + "\n" + driver.getPageSource())
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            write(SCREENSHOTS.resolve(name + ".log"), String.join("\n", console())
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            System.err.println("no page source for " + name + ": " + e);
        }
    }

    /** Quits the browser and its driver and deletes the profile; safe to call twice. */
    @Override
    public void close() {
        try {
            driver.quit();
        } catch (RuntimeException e) {
            System.err.println("chromium did not quit cleanly: " + e);
        } finally {
            delete(profile);
        }
    }

    // ---- the rest ----

    /** In the browser: the visible elements of a kind, each with its accessible name (near enough). */
    private static final String CANDIDATES = """
            const kind = arguments[0];
            const norm = s => (s || '').replace(/\\s+/g, ' ').trim();
            const selectors = {
              field: 'input:not([type=hidden]), select, textarea, [contenteditable=""], [contenteditable=true], '
                + '[role=textbox], [role=searchbox], [role=combobox], [role=spinbutton], [role=checkbox], '
                + '[role=radio], [role=switch], [role=slider]',
              button: 'button, [role=button], input[type=submit], input[type=button], input[type=reset]',
              link: 'a[href], [role=link]',
              heading: 'h1, h2, h3, h4, h5, h6, [role=heading]'
            };
            const visible = e => !!(e.offsetWidth || e.offsetHeight || e.getClientRects().length)
              && getComputedStyle(e).visibility !== 'hidden';
            // the text a screen reader reads out: not what is aria-hidden (a required field's "*"), nor hidden,
            // nor a nested field's own text; an image counts by its alt
            const walk = n => {
              if (n.nodeType === Node.TEXT_NODE) return n.textContent;
              if (n.nodeType !== Node.ELEMENT_NODE || n.getAttribute('aria-hidden') === 'true'
                || ['INPUT', 'SELECT', 'TEXTAREA', 'SCRIPT', 'STYLE', 'TEMPLATE'].includes(n.tagName)) return '';
              const style = getComputedStyle(n);
              if (style.display === 'none' || style.visibility === 'hidden') return '';
              if (n.tagName === 'IMG') return ' ' + (n.alt || '') + ' ';
              const inner = Array.from(n.childNodes).map(walk).join('');
              return style.display === 'inline' ? inner : ' ' + inner + ' ';
            };
            const textOf = e => norm(walk(e));
            const labelledBy = e => norm((e.getAttribute('aria-labelledby') || '').split(/\\s+/)
              .map(id => document.getElementById(id)).filter(x => x).map(textOf).join(' '));
            const nameOf = e => {
              const given = labelledBy(e) || norm(e.getAttribute('aria-label'));
              if (given) return given;
              if (kind === 'field') return norm(Array.from(e.labels || []).map(textOf).join(' '));
              if (e.tagName === 'INPUT') return norm(e.value);
              return textOf(e) || norm(e.getAttribute('title'));
            };
            return Array.from(document.querySelectorAll(selectors[kind])).filter(visible)
              .map(e => [e, nameOf(e)]);
            """;

    private WebElement find(String kind, Pattern name, String described) {
        try {
            return wait.until(d -> candidates(kind).stream().filter(c -> name.matcher(c.name()).matches())
                    .map(Candidate::element).findFirst().orElse(null));
        } catch (TimeoutException e) {
            List<String> seen = candidates(kind).stream().map(c -> "\"" + c.name() + "\"").distinct().toList();
            throw new AssertionError("no visible " + kind + " named " + described + " on "
                    + driver.getCurrentUrl() + " within " + timeout.toSeconds() + " s; the visible " + kind
                    + "s are named " + (seen.isEmpty() ? "(none)" : String.join(", ", seen)), e);
        }
    }

    private record Candidate(WebElement element, String name) {
    }

    private List<Candidate> candidates(String kind) {
        Object found = driver.executeScript(CANDIDATES, kind);
        List<Candidate> candidates = new ArrayList<>();
        if (found instanceof List<?> list) {
            for (Object item : list) {
                List<?> pair = (List<?>) item;
                candidates.add(new Candidate((WebElement) pair.get(0), String.valueOf(pair.get(1))));
            }
        }
        return candidates;
    }

    private static Pattern exactly(String text) {
        return Pattern.compile(Pattern.quote(text.replaceAll("\\s+", " ").strip()));
    }

    private byte[] png() {
        try {
            Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
            @SuppressWarnings("unchecked")
            Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
            double width = ((Number) size.get("width")).doubleValue();
            double height = Math.min(((Number) size.get("height")).doubleValue(), 16_000);
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                    "captureBeyondViewport", true,
                    "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
            return Base64.getDecoder().decode((String) shot.get("data"));
        } catch (RuntimeException fullPageFailed) {
            return driver.getScreenshotAs(OutputType.BYTES);
        }
    }

    private static String selector(Object target) {
        if (target instanceof List<?> parts) {
            return parts.stream().map(Browser::selector).collect(Collectors.joining(" >> "));
        }
        return String.valueOf(target);
    }

    private static String abbreviate(String text, int max) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= max ? flat : flat.substring(0, max) + "…";
    }

    private static void write(Path file, byte[] content) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a profile left in the temporary directory is harmless
        }
    }
}
