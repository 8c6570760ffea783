package org.chapterhouse.discussions.question;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.chapterhouse.support.web.Markdown;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Markdown preview the web app shows while a question, answer or story is written: the same renderer and
 * sanitiser as the stored text, so the preview is exactly what will be shown. Nothing is stored.
 */
@RestController
class PreviewController {

    record Preview(@NotNull @Size(max = 20_000) String body) {
    }

    record Rendered(String html) {
    }

    @PostMapping("/api/v1/questions/preview")
    Rendered preview(@Valid @RequestBody Preview preview) {
        return new Rendered(Markdown.toSafeHtml(preview.body()));
    }
}
