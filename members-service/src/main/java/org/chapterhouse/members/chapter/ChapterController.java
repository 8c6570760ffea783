package org.chapterhouse.members.chapter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.chapterhouse.support.security.Caller;
import org.chapterhouse.support.web.ApiProblem;
import org.chapterhouse.support.web.PageQuery;
import org.chapterhouse.support.web.PageResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Regions and chapters: anyone may read them (a newcomer picks a chapter); only an ADMIN creates them. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "chapters", description = "The network tree: regions and their chapters")
class ChapterController {

    private final Chapters chapters;

    ChapterController(Chapters chapters) {
        this.chapters = chapters;
    }

    record CreateChapter(@NotBlank @Size(min = 2, max = 100) String name, @NotBlank String regionId,
                         @Size(max = 1000) String description) {
    }

    record CreateRegion(@NotBlank @Size(min = 2, max = 100) String name) {
    }

    @GetMapping("/chapters")
    @Operation(summary = "Chapters, by name, optionally of one region (public)")
    PageResponse<Chapter> list(@RequestParam(required = false) String regionId,
                               @RequestParam(required = false) Integer page,
                               @RequestParam(required = false) Integer size) {
        return chapters.chapters(regionId, PageQuery.of(page, size));
    }

    @GetMapping("/chapters/{id}")
    @Operation(summary = "One chapter (public)")
    Chapter one(@PathVariable String id) {
        return chapters.chapter(id).orElseThrow(() -> ApiProblem.notFound("Chapter", id));
    }

    @PostMapping("/chapters")
    @Operation(summary = "Create a chapter in a region (ADMIN)",
            description = "The id is the slug of the name; 409 chapter-exists.")
    ResponseEntity<Chapter> create(Caller caller, @Valid @RequestBody CreateChapter request) {
        requireAdmin(caller);
        Chapter chapter = chapters.createChapter(request.name(), request.regionId(), request.description());
        return ResponseEntity.created(URI.create("/api/v1/chapters/" + chapter.id())).body(chapter);
    }

    @GetMapping("/regions")
    @Operation(summary = "All regions, by name (public)")
    List<Region> regions() {
        return chapters.regions();
    }

    @PostMapping("/regions")
    @Operation(summary = "Create a region (ADMIN)",
            description = "The id is the slug of the name; 409 region-exists.")
    ResponseEntity<Region> createRegion(Caller caller, @Valid @RequestBody CreateRegion request) {
        requireAdmin(caller);
        Region region = chapters.createRegion(request.name());
        return ResponseEntity.created(URI.create("/api/v1/regions/" + region.id())).body(region);
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.isAdmin()) {
            throw ApiProblem.forbidden("Only an ADMIN manages regions and chapters");
        }
    }
}
