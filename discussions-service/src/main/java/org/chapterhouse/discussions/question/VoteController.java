package org.chapterhouse.discussions.question;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.chapterhouse.support.security.Caller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/questions/{id}/votes} and {@code POST /api/v1/answers/{id}/votes} with {@code {value: 1|-1}}. */
@RestController
class VoteController {

    private final Votes votes;

    VoteController(Votes votes) {
        this.votes = votes;
    }

    record Vote(@NotNull Integer value) {
    }

    @PostMapping("/api/v1/questions/{id}/votes")
    Votes.Result onQuestion(Caller caller, @PathVariable String id, @Valid @RequestBody Vote vote) {
        return votes.onQuestion(caller, id, vote.value());
    }

    @PostMapping("/api/v1/answers/{id}/votes")
    Votes.Result onAnswer(Caller caller, @PathVariable String id, @Valid @RequestBody Vote vote) {
        return votes.onAnswer(caller, id, vote.value());
    }
}
