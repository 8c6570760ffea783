package org.chapterhouse.stories.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.chapterhouse.support.web.Markdown;
import org.junit.jupiter.api.Test;

class PageRendererTest {

    @Test
    void movesTheBodysHeadingsOneLevelBelowTheTitle() {
        String html = PageRenderer.demoteHeadings(Markdown.toSafeHtml("# One\n\n## Two\n\n###### Six\n\n"
                + "Text with &lt;h1&gt; in it and `<h2>`"));
        assertThat(html).contains("<h2>One</h2>", "<h3>Two</h3>", "<h6>Six</h6>").doesNotContain("<h1>")
                .contains("&lt;h1&gt;");
    }

    @Test
    void linksToTheListWithTagAndPageOnlyWhenThereAreAny() {
        assertThat(PageRenderer.listHref(null, 0)).isEqualTo("/stories");
        assertThat(PageRenderer.listHref("homework-help", 0)).isEqualTo("/stories?tag=homework-help");
        assertThat(PageRenderer.listHref("garden", 2)).isEqualTo("/stories?tag=garden&page=2");
        assertThat(PageRenderer.listHref(null, 1)).isEqualTo("/stories?page=1");
    }
}
