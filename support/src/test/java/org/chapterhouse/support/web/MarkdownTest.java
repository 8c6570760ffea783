package org.chapterhouse.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownTest {

    @Test
    void rendersMarkdownToHtml() {
        String html = Markdown.toSafeHtml("# Focus\n\n**Short** sprints, *then* a game:\n\n- ten minutes\n- two\n\n`timer`");
        assertThat(html).contains("<h1>Focus</h1>").contains("<strong>Short</strong>").contains("<em>then</em>")
                .contains("<li>ten minutes</li>").contains("<code>timer</code>");
    }

    @Test
    void marksLinksAsUserGeneratedAndNotFollowed() {
        assertThat(Markdown.toSafeHtml("[guide](https://example.org/guide)"))
                .contains("href=\"https://example.org/guide\"").containsPattern("rel=\"(nofollow ugc|ugc nofollow)\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "[click](javascript:alert(1))",
            "[click](JaVaScRiPt:alert(1))",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<svg onload=alert(1)>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "![x](javascript:alert(1))",
            "<div style=\"background:url(javascript:alert(1))\">x</div>",
            "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"})
    void letsNoScriptHandlerOrScriptUrlThrough(String payload) {
        String html = Markdown.toSafeHtml(payload).toLowerCase();
        // markup, not text: an escaped "&lt;script&gt;" is harmless text
        assertThat(html).doesNotContain("<script").doesNotContain("<iframe").doesNotContain("<svg")
                .doesNotContainPattern("<[a-z][^>]*\\son[a-z]+\\s*=")
                .doesNotContainPattern("(href|src)=\"\\s*(javascript|data):")
                .doesNotContainPattern("<[a-z][^>]*style=");
    }
}
