package org.chapterhouse.stories.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.chapterhouse.support.web.ApiProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TagsTest {

    @Test
    void stripsLowercasesAndJoinsWordsWithDashes() {
        assertThat(Tags.normalise(List.of(" Homework Help ", "homework_help", "STEM", "ages-8-12")))
                .containsExactly("homework-help", "stem", "ages-8-12");
    }

    @ParameterizedTest
    @ValueSource(strings = {"C++", "!!!", "", "  ", "-lead", "trail-", "two--dashes", "é-accent",
            "abcdefghijklmnopqrstuvwxyz01234"})
    void refusesWhatIsNoSlugAsInvalidTag(String tag) {
        assertThatThrownBy(() -> Tags.normalise(List.of(tag))).isInstanceOf(ApiProblem.class)
                .satisfies(e -> assertThat(((ApiProblem) e).toProblemDetail().getType().toString())
                        .endsWith("/invalid-tag"));
    }

    @Test
    void acceptsThirtyCharacters() {
        assertThat(Tags.normalise(List.of("a".repeat(30)))).containsExactly("a".repeat(30));
    }

    @Test
    void needsOneToFiveDistinctTags() {
        assertThat(Tags.normalise(List.of("a", "A", "b", "c", "d", "e"))).hasSize(5);
        for (List<String> wrong : List.of(List.<String>of(), List.of("a", "b", "c", "d", "e", "f"))) {
            assertThatThrownBy(() -> Tags.normalise(wrong)).isInstanceOf(ApiProblem.class)
                    .satisfies(e -> assertThat(((ApiProblem) e).toProblemDetail().getType().toString())
                            .endsWith("/invalid-tags"));
        }
    }
}
