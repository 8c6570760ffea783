package org.chapterhouse.notifications.preference;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.Set;
import org.chapterhouse.notifications.inbox.NewNotification;
import org.chapterhouse.support.security.Caller;
import org.chapterhouse.support.web.ApiProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own notification preferences. In-app notifications are always on; email is the member's choice. */
@RestController
@RequestMapping("/api/v1/notifications/preferences")
class PreferenceController {

    private final Preferences preferences;

    PreferenceController(Preferences preferences) {
        this.preferences = preferences;
    }

    /**
     * @param email          where to send notification emails; set only here, by the member (events never carry
     *                       addresses); null means no email at all
     * @param emailFrequency INSTANT, DAILY, WEEKLY or NEVER for every kind not in {@code kinds}
     * @param kinds          per-kind overrides, e.g. {@code {"ANSWER_POSTED": "INSTANT"}}
     */
    record PreferencesRequest(@Email @Size(max = 254) String email, @NotNull EmailFrequency emailFrequency,
                              Map<String, EmailFrequency> kinds) {
    }

    record PreferencesView(boolean inApp, String email, EmailFrequency emailFrequency,
                           Map<String, EmailFrequency> kinds) {
        static PreferencesView of(Preferences.Preference p) {
            return new PreferencesView(true, p.email(), p.emailFrequency(), p.kinds());
        }
    }

    @GetMapping
    PreferencesView get(Caller caller) {
        return PreferencesView.of(preferences.of(caller.memberId()));
    }

    @PutMapping
    PreferencesView put(Caller caller, @Valid @RequestBody PreferencesRequest request) {
        Map<String, EmailFrequency> kinds = request.kinds() == null ? Map.of() : Map.copyOf(request.kinds());
        for (var e : kinds.entrySet()) {
            if (!NewNotification.KINDS.contains(e.getKey())) {
                throw ApiProblem.badRequest("unknown-kind", "Unknown notification kind '" + e.getKey()
                        + "'; kinds are " + NewNotification.KINDS);
            }
            if (e.getValue() == null) {
                throw ApiProblem.badRequest("validation", "kinds." + e.getKey() + " must not be null");
            }
        }
        String email = request.email() == null || request.email().isBlank() ? null : request.email().trim();
        if (email != null && !email.contains(".")) {
            throw ApiProblem.badRequest("invalid-email", "email must be an address with a domain, like a@b.org");
        }
        Preferences.Preference p = new Preferences.Preference(caller.memberId(), email, request.emailFrequency(),
                kinds);
        preferences.replace(p);
        return PreferencesView.of(p);
    }
}
