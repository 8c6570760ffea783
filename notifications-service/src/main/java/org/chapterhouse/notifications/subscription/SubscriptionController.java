package org.chapterhouse.notifications.subscription;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashSet;
import java.util.List;
import org.chapterhouse.support.security.Caller;
import org.chapterhouse.support.web.ApiProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own subscriptions: GET shows them, PUT replaces them whole. */
@RestController
@RequestMapping("/api/v1/subscriptions")
class SubscriptionController {

    static final String TAG = "^[a-z0-9]+(-[a-z0-9]+)*$";
    private final Subscriptions subscriptions;

    SubscriptionController(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    /**
     * @param questions question ids (at most 200)
     * @param tags      tag slugs as discussions-service writes them (at most 50)
     * @param chapters  chapter ids the caller belongs to (at most 20)
     * @param network   also be told of every NETWORK (and PUBLIC) story shared anywhere in the network
     */
    record SubscriptionsRequest(
            @Size(max = 200) List<@NotBlank @Size(max = 100) String> questions,
            @Size(max = 50) List<@NotBlank @Size(max = 30) @Pattern(regexp = TAG,
                    message = "must be a lowercase slug: letters, digits, single hyphens") String> tags,
            @Size(max = 20) List<@NotBlank @Size(max = 100) String> chapters,
            Boolean network) {
    }

    @GetMapping
    Subscriptions.Watching get(Caller caller) {
        return subscriptions.of(caller.memberId());
    }

    @PutMapping
    Subscriptions.Watching put(Caller caller, @Valid @RequestBody SubscriptionsRequest request) {
        List<String> chapters = distinct(request.chapters());
        for (String chapter : chapters) {
            if (!caller.isMemberOf(chapter)) {
                throw ApiProblem.badRequest("not-a-member",
                        "You can only watch chapters you belong to; you are not a member of '" + chapter + "'");
            }
        }
        Subscriptions.Watching w = new Subscriptions.Watching(distinct(request.questions()), distinct(request.tags()),
                chapters, Boolean.TRUE.equals(request.network()));
        subscriptions.replace(caller.memberId(), w);
        return w;
    }

    private static List<String> distinct(List<String> values) {
        return values == null ? List.of() : List.copyOf(new LinkedHashSet<>(values));
    }
}
