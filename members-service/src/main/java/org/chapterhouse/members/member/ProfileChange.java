package org.chapterhouse.members.member;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * {@code PATCH /api/v1/members/me}: each field left out (or null) stays as it is; {@code ""} clears {@code bio} and
 * {@code availability}, {@code []} clears a list.
 */
@Schema(description = "A change to the caller's profile; absent or null fields stay as they are")
record ProfileChange(
        @Size(min = 1, max = 80) @Pattern(regexp = "[^\\p{Cntrl}]*\\S[^\\p{Cntrl}]*",
                message = "must contain a visible character and no control characters") String displayName,
        @Schema(description = "Markdown, at most 2,000 characters; served back as bio and sanitised bioHtml")
        @Size(max = 2000) String bio,
        @Schema(description = "At most 20; each stored as a slug (\"Homework Help\" → \"homework-help\")")
        @Size(max = 20) List<@NotBlank @Size(max = 50) String> skills,
        @Schema(description = "At most 10; each stored as a slug")
        @Size(max = 10) List<@NotBlank @Size(max = 50) String> programs,
        @Schema(description = "Free text, at most 200 characters, e.g. \"Tuesday evenings, remote\"")
        @Size(max = 200) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
        String availability,
        @Schema(description = "CHAPTER: members sharing a chapter; NETWORK: every member")
        ProfileVisibility profileVisibility) {
}
