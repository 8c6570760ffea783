package org.chapterhouse.notifications.email;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.chapterhouse.notifications.NotificationsProperties;
import org.chapterhouse.notifications.inbox.NewNotification;
import org.chapterhouse.notifications.inbox.Notification;

/** The text of notification emails: one notification at once, or a digest grouped by chapter and kind. */
final class Mails {

    private Mails() {
    }

    record Mail(String subject, String text) {
    }

    static String describe(String kind) {
        return switch (kind) {
            case NewNotification.QUESTION_POSTED -> "New questions";
            case NewNotification.ANSWER_POSTED -> "New answers";
            case NewNotification.ANSWER_ACCEPTED -> "Accepted answers";
            case NewNotification.STORY_SUBMITTED -> "Stories to review";
            case NewNotification.STORY_SHARED -> "Stories shared";
            default -> kind;
        };
    }

    /** The web app's page of what the notification is about (docs/web-app.md: the app's addresses). */
    static String link(NotificationsProperties.Mail config, Notification n) {
        if (n.storyId() != null) {
            return config.webBaseUrl() + "/#/stories/" + n.storyId();
        }
        return n.questionId() == null ? config.webBaseUrl() + "/#/notifications"
                : config.webBaseUrl() + "/#/questions/" + n.questionId();
    }

    static Mail instant(NotificationsProperties.Mail config, Notification n) {
        String title = n.title() == null ? "(untitled)" : n.title();
        String subject = "[Chapterhouse] " + describe(n.kind()) + " in " + n.chapterId() + ": " + title;
        String text = describe(n.kind()) + " in chapter " + n.chapterId() + ":\n\n  " + title + "\n  " + link(config, n)
                + "\n\nYou get this email at once because of your notification preferences. Change them at "
                + config.webBaseUrl() + "/#/settings\n";
        return new Mail(subject, text);
    }

    static Mail digest(NotificationsProperties.Mail config, String frequency, String period,
                       List<Notification> notifications) {
        Map<String, Map<String, List<Notification>>> byChapterAndKind = notifications.stream().collect(
                Collectors.groupingBy(n -> String.valueOf(n.chapterId()), TreeMap::new,
                        Collectors.groupingBy(Notification::kind, TreeMap::new, Collectors.toList())));
        StringBuilder text = new StringBuilder("Your " + frequency.toLowerCase() + " Chapterhouse digest for "
                + period + ": " + notifications.size() + " notification(s).\n");
        byChapterAndKind.forEach((chapter, byKind) -> {
            text.append("\nChapter ").append(chapter).append('\n');
            byKind.forEach((kind, items) -> {
                text.append("  ").append(describe(kind)).append(" (").append(items.size()).append(")\n");
                items.forEach(n -> text.append("    - ").append(n.title() == null ? "(untitled)" : n.title())
                        .append("  ").append(link(config, n)).append('\n'));
            });
        });
        text.append("\nChange how often you get these at ").append(config.webBaseUrl())
                .append("/#/settings\n");
        String subject = "[Chapterhouse] Your " + frequency.toLowerCase() + " digest (" + period + "): "
                + notifications.size() + " notification(s)";
        return new Mail(subject, text.toString());
    }
}
