package org.chapterhouse.analytics.figures;

import java.util.List;
import org.chapterhouse.analytics.web.BadQuery;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The figures, read-only JSON. */
@RestController
@RequestMapping("/api/v1/analytics")
class FiguresController {

    record WeeklyResponse(List<WeeklyFigure> items, int total) {
    }

    record LeadersResponse(List<Leader> items) {
    }

    private final Figures figures;

    FiguresController(Figures figures) {
        this.figures = figures;
    }

    /** Per chapter and ISO week; every parameter optional; {@code from} and {@code to} are inclusive weeks. */
    @GetMapping("/weekly")
    WeeklyResponse weekly(@RequestParam(required = false) String chapterId,
                          @RequestParam(required = false) String from,
                          @RequestParam(required = false) String to) {
        Week first = from == null ? null : Week.parse("from", from);
        Week last = to == null ? null : Week.parse("to", to);
        if (first != null && last != null && first.compareTo(last) > 0) {
            throw new BadQuery("invalid-range", "'from' (" + first + ") is after 'to' (" + last + ")");
        }
        List<WeeklyFigure> items = figures.weekly(chapterId == null || chapterId.isBlank() ? null : chapterId,
                first, last);
        return new WeeklyResponse(items, items.size());
    }

    @GetMapping("/leaders")
    LeadersResponse leaders(@RequestParam(defaultValue = "10") int limit) {
        if (limit < 1 || limit > 100) {
            throw new BadQuery("invalid-limit", "'limit' must be 1 to 100, not " + limit);
        }
        return new LeadersResponse(figures.leaders(limit));
    }
}
