package org.chapterhouse.stories.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExcerptTest {

    @Test
    void isTheTextOfTheMarkdownWithBlocksKeptApart() {
        assertThat(Excerpt.of("# Our garden\n\nWe **planted** it, see [the plan](https://example.org).\n\n"
                + "- seeds\n- water"))
                .isEqualTo("Our garden We planted it, see the plan. seeds water");
    }

    @Test
    void leavesOutRawHtmlAndCode() {
        assertThat(Excerpt.of("<script>alert(1)</script>\n\nHello <b onclick=\"x\">world</b>\n\n```\ncode()\n```"))
                .isEqualTo("Hello world");
    }

    @Test
    void cutsALongTextAtAWord() {
        String excerpt = Excerpt.of("word ".repeat(100));
        assertThat(excerpt).endsWith("word…").hasSizeLessThanOrEqualTo(Excerpt.MAX + 1);
    }

    @Test
    void isEmptyForAnEmptyBody() {
        assertThat(Excerpt.of("")).isEmpty();
        assertThat(Excerpt.of(null)).isEmpty();
    }
}
