package org.chapterhouse.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What anyone sees without signing in, in a real headless Chromium against the running suite: the page renders,
 * and axe-core finds no serious or critical WCAG 2.x A/AA violation. It asks nothing of the page's content, so it
 * holds while the web app changes; the journeys through it are {@code WebAppIT}'s.
 */
@ExtendWith({RunningSuite.class, Browsers.class})
class PublicPagesIT {

    @Test
    void theHomePageHasATitleAndNoSeriousAccessibilityViolation(Browser browser) {
        browser.open("/");
        browser.waitUntil(d -> !browser.title().isBlank());
        browser.screenshot("home");
        browser.phone().screenshot("home-phone");
        browser.desktop();

        assertThat(browser.title()).isNotBlank();
        assertThat(browser.text()).isNotBlank();
        browser.assertAccessible("home");
    }
}
