package org.chapterhouse.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.chapterhouse.support.testing.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The web app's journeys in a real headless Chromium against the running suite, as people use it: every step is a
 * click or a keystroke on what a person reads (labels, buttons, links), the setting-up of chapters and roles alone
 * goes through the API. Each main page is saved as a screenshot ({@code deploy/target/screenshots}) and checked by
 * axe-core (no serious or critical WCAG 2.x A/AA violation; reports in {@code deploy/target/axe}).
 */
@ExtendWith({RunningSuite.class, Browsers.class})
class WebAppIT {

    private static final Http http = new Http(Suite.GATEWAY);
    private static final String PASSWORD = "web journey password";
    private static final java.util.regex.Pattern UNREAD = java.util.regex.Pattern.compile("Notifications, [1-9]\\d* unread");

    /** A chapter of the test's own with a lead and a mentor, set up by the admin through the API. */
    record Chapter(String id, String name, String leadEmail, String mentorEmail, String mentorToken) {
    }

    static Chapter newChapter() {
        String admin = http.token(Suite.ADMIN_EMAIL, Suite.ADMIN_PASSWORD);
        String name = "Web " + UUID.randomUUID().toString().substring(0, 8);
        var created = http.post("/api/v1/chapters", Map.of("name", name, "regionId", "north-region"), admin);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.json().get("id").asString();
        String lead = member(id, "lead", "Lee Lead", "CHAPTER_LEAD", admin);
        String mentor = member(id, "mentor", "Mina Mentor", "MENTOR", admin);
        return new Chapter(id, name, lead, mentor, http.token(mentor, PASSWORD));
    }

    private static String member(String chapterId, String kind, String displayName, String role, String admin) {
        String email = kind + "-" + chapterId + "@web.test";
        var registered = http.post("/api/v1/auth/register", Map.of("email", email, "password", PASSWORD,
                "displayName", displayName, "chapterId", chapterId), null);
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        var promoted = http.put("/api/v1/chapters/" + chapterId + "/members/" + registered.json().get("id").asString()
                + "/role", Map.of("role", role), admin);
        assertThat(promoted.status()).as(promoted.raw()).isEqualTo(200);
        return email;
    }

    private static void signIn(Browser browser, String email) {
        browser.open("/#/signin");
        browser.fill("Email", email).fill("Password", PASSWORD);
        browser.click(browser.button("Sign in"));
        browser.waitUntil(d -> browser.title().endsWith("· Chapterhouse") && !browser.title().startsWith("Sign in"));
    }

    /** Opens a route of the app and waits for its page (its title) to be there. */
    private static void page(Browser browser, String route, String title) {
        browser.open("/#" + route);
        browser.waitUntil(d -> browser.title().equals(title + " · Chapterhouse"));
        browser.waitUntil(d -> d.findElement(By.id("main")).getAttribute("aria-busy") == null);
    }

    private static String bell(Browser browser) {
        return browser.driver().findElement(By.id("bell")).getAttribute("aria-label");
    }

    private static String route(Browser browser) {
        String url = browser.driver().getCurrentUrl();
        return url.contains("#") ? url.substring(url.indexOf('#') + 1) : "/";
    }

    @Test
    void aNewcomerSignsUpAsksGetsAnAnswerAcceptsItAndSeesTheNotificationArriveLive(Browser newcomer,
                                                                                     Browser mentor) {
        Chapter chapter = newChapter();
        String earlier = "How do you keep twelve-year-olds focused on homework?";
        var posted = http.post("/api/v1/questions", Map.of("title", earlier, "body", "They drift off after ten minutes.",
                "tags", List.of("homework-help", "focus"), "chapterId", chapter.id()), chapter.mentorToken());
        assertThat(posted.status()).as(posted.raw()).isEqualTo(201);

        // signs up, choosing the chapter
        newcomer.open("/#/signup");
        new Select(newcomer.byLabel("Your chapter")).selectByVisibleText(chapter.name());
        newcomer.fill("Your name", "Nia Newcomer");
        newcomer.fill("Email", "nia-" + chapter.id() + "@web.test").fill("Password", PASSWORD);
        newcomer.screenshot("sign-up");
        newcomer.assertAccessible("sign-up");
        newcomer.click(newcomer.button("Create my account"));
        newcomer.heading(chapter.name());
        newcomer.waitForText(earlier);
        newcomer.screenshot("chapter-feed");
        newcomer.assertAccessible("chapter-feed");

        // asks: similar questions show while the title is typed, the Markdown preview renders
        newcomer.click(newcomer.link("Ask a question"));
        newcomer.heading("Ask a question");
        String title = "How do you keep twelve-year-olds focused after school?";
        newcomer.fill("Your question", title);
        newcomer.waitForText("Similar questions");
        newcomer.link(earlier);
        newcomer.fill("Details", "By 5 pm they are **restless**. What has worked for you?");
        newcomer.click(newcomer.button("Preview"));
        newcomer.waitUntil(d -> !d.findElements(By.cssSelector(".preview strong")).isEmpty());
        newcomer.fill("Tags", "homework-help, focus");
        newcomer.screenshot("ask");
        newcomer.assertAccessible("ask");
        newcomer.click(newcomer.button("Post your question"));
        newcomer.heading(title);
        String questionRoute = route(newcomer);
        assertThat(questionRoute).startsWith("/questions/");
        assertThat(bell(newcomer)).isEqualTo("Notifications, none unread");

        // the mentor answers in a browser of their own
        signIn(mentor, chapter.mentorEmail());
        mentor.open("/#" + questionRoute);
        mentor.heading(title);
        mentor.click(mentor.button("Upvote this question"));
        mentor.waitUntil(d -> "true".equals(mentor.button("Upvote this question").getAttribute("aria-pressed")));
        mentor.fill("Write your answer", "Short sprints: ten minutes of work, then a two-minute game.");
        mentor.click(mentor.button("Post your answer"));
        mentor.heading("1 answer");

        // the newcomer, still on the page, sees the bell change without reloading anything
        newcomer.waitUntil(d -> UNREAD.matcher(bell(newcomer)).matches());
        assertThat(newcomer.driver().findElement(By.id("bell-count")).getText()).matches("[1-9][0-9]*");
        assertThat(route(newcomer)).isEqualTo(questionRoute);
        newcomer.screenshot("live-notification");

        newcomer.click(newcomer.driver().findElement(By.id("bell")));
        newcomer.heading("Notifications");
        newcomer.waitForText("New answer");
        newcomer.screenshot("notifications");
        newcomer.assertAccessible("notifications");
        newcomer.click(newcomer.link(title));
        newcomer.heading(title);
        newcomer.waitForText("Short sprints");
        newcomer.click(newcomer.button("Accept this answer"));
        newcomer.waitForText("✓ Accepted answer");
        newcomer.button("Withdraw acceptance");
        newcomer.screenshot("question-accepted");
        newcomer.assertAccessible("question");

        // the mentor hears of it too
        page(mentor, "/notifications", "Notifications");
        mentor.waitForText("Answer accepted");
        newcomer.phone();
        newcomer.screenshot("question-phone");
        newcomer.assertAccessible("question-phone");
    }

    private static String writeAndSubmit(Browser author, String title, String visibility) {
        page(author, "/stories/new", "Write a story");
        author.fill("Title", title);
        author.fill("Story", "We start with a snack and five minutes of free talk. **Focus** is better afterwards.");
        author.fill("Tags", "homework-help, focus");
        new Select(author.byLabel("Who can read it once published")).selectByVisibleText(visibility);
        author.screenshot("story-write");
        author.assertAccessible("story-write");
        author.click(author.button("Save draft"));
        author.heading(title);
        String route = route(author);
        author.click(author.button("Submit for review"));
        author.waitForText("Waiting for review");
        return route.substring("/stories/".length());
    }

    @Test
    void aLeadReviewsAndPublishesTheirChaptersStory(Browser author, Browser lead) {
        Chapter chapter = newChapter();
        String title = "Snack first, homework second " + chapter.id();
        signIn(author, chapter.mentorEmail());
        writeAndSubmit(author, title, "Chapter only");

        signIn(lead, chapter.leadEmail());
        page(lead, "/review", "Review queue");
        lead.waitForText(title);
        lead.screenshot("review-queue");
        lead.assertAccessible("review-queue");
        lead.click(lead.link(title));
        lead.heading(title);
        lead.button("Return to the author");
        lead.click(lead.button("Publish"));
        lead.waitForText("Published");
        lead.screenshot("story-published");
        lead.assertAccessible("story");

        // the author finds it published among the stories
        page(author, "/stories", "Stories");
        author.link(title);
    }

    @Test
    void aStoryPublishedForTheWebsiteReadsWithoutJavaScript(Browser author, Browser reader) {
        Chapter chapter = newChapter();
        String title = "Snack first, homework second, for everyone " + chapter.id();
        signIn(author, chapter.mentorEmail());
        String id = writeAndSubmit(author, title, "Public, on the website");
        // network staff review what goes on the website (stories-service's rule); here through the API
        var published = http.post("/api/v1/stories/" + id + "/publication", Map.of(), staff());
        assertThat(published.status()).as(published.raw()).isEqualTo(200);

        ((ChromeDriver) reader.driver()).executeCdpCommand("Emulation.setScriptExecutionDisabled",
                Map.of("value", true));
        reader.open("/stories");
        reader.waitForText(title);
        assertThat(reader.driver().getPageSource()).doesNotContain("<script");
        reader.click(reader.link(title));
        reader.heading(title);
        reader.waitForText("We start with a snack");
        assertThat(reader.driver().findElements(By.cssSelector("main strong"))).isNotEmpty();
        reader.screenshot("public-story-no-js");
        ((ChromeDriver) reader.driver()).executeCdpCommand("Emulation.setScriptExecutionDisabled",
                Map.of("value", false));
        reader.open("/stories/" + id);
        reader.heading(title);
        reader.assertAccessible("public-story");
        reader.open("/stories");
        reader.waitForText(title);
        reader.screenshot("public-stories");
        reader.assertAccessible("public-stories");
        reader.phone();
        reader.screenshot("public-stories-phone");
        reader.assertAccessible("public-stories-phone");
    }

    /** A member of the network's staff, made by the admin. */
    private static String staff() {
        String admin = http.token(Suite.ADMIN_EMAIL, Suite.ADMIN_PASSWORD);
        String email = "staff-" + UUID.randomUUID().toString().substring(0, 8) + "@web.test";
        var registered = http.post("/api/v1/auth/register", Map.of("email", email, "password", PASSWORD,
                "displayName", "Sam Staff", "chapterId", newChapter().id()), null);
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        var roles = http.put("/api/v1/members/" + registered.json().get("id").asString() + "/roles",
                Map.of("roles", List.of("STAFF")), admin);
        assertThat(roles.status()).as(roles.raw()).isEqualTo(200);
        return http.token(email, PASSWORD);
    }

    @Test
    void aMemberOfAnotherChapterCannotSeeChapterOnlyContent(Browser outsider) {
        Chapter mine = newChapter();
        Chapter theirs = newChapter();
        String secret = "Chapter only " + UUID.randomUUID().toString().substring(0, 8);
        var q = http.post("/api/v1/questions", Map.of("title", secret + ": who has the hall keys?",
                "body", "Ours only.", "tags", List.of("logistics"), "chapterId", mine.id(), "visibility", "CHAPTER"),
                mine.mentorToken());
        assertThat(q.status()).as(q.raw()).isEqualTo(201);
        String id = q.json().get("id").asString();

        signIn(outsider, theirs.mentorEmail());
        outsider.open("/#/questions/" + id);
        outsider.heading("Not found");
        assertThat(outsider.text()).doesNotContain(secret);
        outsider.screenshot("other-chapter-not-found");
        outsider.assertAccessible("not-found");

        page(outsider, "/search?q=" + secret.replace(' ', '+'), "Search: " + secret);
        outsider.heading(java.util.regex.Pattern.compile("\\d+ results?"));
        assertThat(outsider.text()).doesNotContain("who has the hall keys");
        page(outsider, "/?scope=network", "The whole network");
        assertThat(outsider.text()).doesNotContain(secret);
        page(outsider, "/tags?chapterId=" + mine.id(), "Tags");
        assertThat(outsider.text()).doesNotContain("logistics");
    }

    @Test
    void aVolunteerSignsInWithTheKeyboardAlone(Browser browser) {
        Chapter chapter = newChapter();
        browser.open("/#/signin");
        browser.heading("Sign in");
        var keys = new org.openqa.selenium.interactions.Actions(browser.driver());
        keys.sendKeys(Keys.TAB).perform();
        assertThat(focused(browser).getText()).isEqualTo("Skip to content");
        keys.sendKeys(Keys.ENTER).perform();
        assertThat(focused(browser).getText()).isEqualTo("Sign in");
        keys.sendKeys(Keys.TAB).sendKeys(chapter.mentorEmail()).sendKeys(Keys.TAB).sendKeys(PASSWORD)
                .sendKeys(Keys.ENTER).perform();
        browser.heading(chapter.name());
        // the new page's heading takes the focus, so a screen reader announces where the member is
        browser.waitUntil(d -> focused(browser).getText().equals(chapter.name()));
        browser.click(browser.link("Ask a question"));
        browser.waitUntil(d -> focused(browser).getText().equals("Ask a question"));
        keys.sendKeys(Keys.TAB).perform();
        assertThat(focused(browser).getAttribute("id")).isEqualTo(browser.byLabel("Your question").getAttribute("id"));
    }

    private static org.openqa.selenium.WebElement focused(Browser browser) {
        return browser.driver().switchTo().activeElement();
    }

    @Test
    void everyMainPageOfALeadPassesTheAccessibilityCheckOnADesktopAndAPhone(Browser browser) {
        Chapter chapter = newChapter();
        signIn(browser, chapter.leadEmail());
        String[][] pages = {
                {"/", chapter.name()}, {"/?scope=network", "The whole network"}, {"/search?q=homework", "Search: homework"},
                {"/tags", "Tags"}, {"/stories", "Stories"}, {"/review", "Review queue"}, {"/moderation", "Moderation"},
                {"/notifications", "Notifications"}, {"/settings", "Settings"}, {"/members", "People"},
                {"/profile", "My profile"}, {"/ask", "Ask a question"}};
        for (String[] p : pages) {
            page(browser, p[0], p[1]);
            String name = "lead-" + (p[0].equals("/") ? "home" : p[0].substring(1).replaceAll("[^a-z]+", "-"));
            browser.screenshot(name);
            browser.assertAccessible(name);
        }
        browser.phone();
        for (String[] p : new String[][] {{"/", chapter.name()}, {"/ask", "Ask a question"}, {"/settings", "Settings"}}) {
            page(browser, p[0], p[1]);
            String name = "lead-phone-" + (p[0].equals("/") ? "home" : p[0].substring(1));
            browser.screenshot(name);
            browser.assertAccessible(name);
        }
        browser.click(browser.button("Menu"));
        browser.click(browser.button("Sign out"));
        browser.heading("Sign in");
        browser.screenshot("sign-in-phone");
        browser.assertAccessible("sign-in-phone");
    }
}
