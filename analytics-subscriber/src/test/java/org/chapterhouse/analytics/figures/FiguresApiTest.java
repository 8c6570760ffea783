package org.chapterhouse.analytics.figures;

import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The figures API as a web slice: parameters, JSON shape, problem details. */
@WebMvcTest(FiguresController.class)
class FiguresApiTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Figures figures;

    @Test
    void answersTheWeeklyFiguresWithTheirTotal() throws Exception {
        when(figures.weekly(eq("riverside"), eq(new Week(2026, 49)), eq(new Week(2026, 50)))).thenReturn(List.of(
                new WeeklyFigure("riverside", "2026-W49", 4, 0.75, 600.0, 5400.0, 4, 1),
                new WeeklyFigure("riverside", "2026-W50", 0, null, null, null, 1, 0)));
        mvc.perform(get("/api/v1/analytics/weekly?chapterId=riverside&from=2026-W49&to=2026-W50"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[0].week").value("2026-W49"))
                .andExpect(jsonPath("$.items[0].shareAnswered").value(0.75))
                .andExpect(jsonPath("$.items[0].medianTimeToAcceptedAnswerSeconds").value(5400.0))
                .andExpect(jsonPath("$.items[1].shareAnswered").value(Matchers.nullValue()))
                .andExpect(jsonPath("$.items[1].medianTimeToFirstAnswerSeconds").value(Matchers.nullValue()));
    }

    @Test
    void rejectsAWeekThatIsNotAnIsoWeekWithAProblem() throws Exception {
        mvc.perform(get("/api/v1/analytics/weekly?from=2026-49"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://chapterhouse.example/problems/invalid-week"))
                .andExpect(jsonPath("$.status").value(400));
    }

    @Test
    void rejectsARangeThatEndsBeforeItStarts() throws Exception {
        mvc.perform(get("/api/v1/analytics/weekly?from=2026-W50&to=2026-W49"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://chapterhouse.example/problems/invalid-range"));
    }

    @Test
    void asksForTenLeadersByDefaultAndRejectsALimitOutsideOneToAHundred() throws Exception {
        when(figures.leaders(anyInt())).thenReturn(List.of(new Leader("omar", "Omar", 2, 2)));
        mvc.perform(get("/api/v1/analytics/leaders"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].memberId").value("omar"))
                .andExpect(jsonPath("$.items[0].acceptedAnswersInOtherChapters").value(2));
        verify(figures).leaders(10);
        for (String limit : List.of("0", "101", "ten")) {
            mvc.perform(get("/api/v1/analytics/leaders?limit=" + limit))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
    }
}
