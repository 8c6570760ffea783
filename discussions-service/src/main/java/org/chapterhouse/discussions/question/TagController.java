package org.chapterhouse.discussions.question;

import java.util.List;
import java.util.Locale;
import org.chapterhouse.support.security.Caller;
import org.chapterhouse.support.web.ApiProblem;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Tags with their question counts (per chapter, or across what the caller sees), for browsing and autocomplete. */
@RestController
class TagController {

    private final QuestionIndex index;

    TagController(QuestionIndex index) {
        this.index = index;
    }

    @GetMapping("/api/v1/tags")
    List<QuestionIndex.TagCount> tags(Caller caller, @RequestParam(required = false) String chapterId,
                                      @RequestParam(required = false) String prefix,
                                      @RequestParam(required = false) Integer size) {
        String p = prefix == null ? "" : Tags.slug(prefix);
        if (p.length() > 30) {
            throw ApiProblem.badRequest("invalid-prefix", "prefix is at most 30 characters");
        }
        int n = size == null ? 20 : size;
        if (n < 1 || n > 100) {
            throw ApiProblem.badRequest("invalid-size", "size must be 1 to 100");
        }
        return index.tags(caller, chapterId, p.toLowerCase(Locale.ROOT), n);
    }

    /** The search index's state (staff). */
    @GetMapping("/api/v1/search/index")
    QuestionIndex.Status status(Caller caller) {
        if (!caller.isStaff()) {
            throw ApiProblem.forbidden("The search index's state is for staff");
        }
        return index.status();
    }

    /** Rebuilds the search index from the store (ADMIN); until it finishes, lists and searches may be incomplete. */
    @PostMapping("/api/v1/search/index/rebuild")
    ResponseEntity<QuestionIndex.Status> rebuild(Caller caller) {
        if (!caller.isAdmin()) {
            throw ApiProblem.forbidden("Rebuilding the search index is for ADMIN");
        }
        if (!index.rebuild()) {
            throw ApiProblem.conflict("rebuild-running", "A rebuild is already running");
        }
        return ResponseEntity.accepted().body(index.status());
    }
}
