package org.chapterhouse.stories.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class StoryPagesTest {

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/problem+json", "application/json, text/html;q=0.9",
            "application/*+json", "text/html;q=0.1, */*;q=0.5"})
    void answersJsonToAClientThatPrefersIt(String accept) {
        assertThat(StoryPages.prefersJson(accept)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"*/*", "text/html", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            "application/json;q=0.5, text/html", "not a media type;;"})
    void answersHtmlToBrowsersAndToClientsThatDoNotSay(String accept) {
        assertThat(StoryPages.prefersJson(accept)).isFalse();
    }
}
