package org.chapterhouse.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.chapterhouse.notifications.email.Digests;
import org.chapterhouse.support.testing.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Preferences and email, against a real SMTP server (GreenMail) running in the test. */
class EmailIT extends NotificationsITBase {

    @Autowired
    Digests digests;

    List<MimeMessage> mailTo(String address) {
        return Arrays.stream(LocalTestSetup.smtp().getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> a.toString().equals(address));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    void prefer(String member, Map<String, Object> preferences) {
        Http.Response r = http.put("/api/v1/notifications/preferences", preferences, tokenOf(member));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
    }

    String ask(String asker, String title, String... tags) {
        String id = UUID.randomUUID().toString();
        events.send(QUESTION, id, chapter, Map.of("questionId", id, "chapterId", chapter, "authorId", asker,
                "title", title, "tags", List.of(tags), "visibility", "CHAPTER"));
        return id;
    }

    @Test
    void preferencesStartWithInAppOnlyAndRejectBadValues() {
        String me = "prefs-" + chapter;
        JsonNode p = http.get("/api/v1/notifications/preferences", tokenOf(me)).json();
        assertThat(p.get("inApp").asBoolean()).isTrue();
        assertThat(p.get("email").isNull()).isTrue();
        assertThat(p.get("emailFrequency").asString()).isEqualTo("DAILY");
        for (Object bad : List.of(Map.of("email", "not-an-address", "emailFrequency", "INSTANT"),
                Map.of("email", "a@b.org", "emailFrequency", "HOURLY"),
                Map.of("email", "a@b.org"),
                Map.of("email", "a@b.org", "emailFrequency", "DAILY", "kinds", Map.of("SOMETHING", "INSTANT")),
                Map.of("email", "a@b.org", "emailFrequency", "DAILY", "inApp", false))) {
            Http.Response r = http.put("/api/v1/notifications/preferences", bad, tokenOf(me));
            assertThat(r.status()).as("%s", bad).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
        assertThat(mongo.getCollection("notification_preferences").countDocuments(new Document("_id", me))).isZero();
    }

    @Test
    void mailsAnInstantNotificationToTheAddressTheMemberSet() throws Exception {
        String asker = member("asker", chapter, "VOLUNTEER");
        String eager = member("eager", chapter, "VOLUNTEER");
        String never = member("never", chapter, "VOLUNTEER");
        awaitMembers(chapter, 3);
        String eagerMail = "eager-" + chapter + "@example.org";
        String neverMail = "never-" + chapter + "@example.org";
        watch(eager, Map.of("chapters", List.of(chapter)));
        watch(never, Map.of("chapters", List.of(chapter)));
        prefer(eager, Map.of("email", eagerMail, "emailFrequency", "INSTANT"));
        prefer(never, Map.of("email", neverMail, "emailFrequency", "NEVER"));

        ask(asker, "Which snacks keep a homework club going?", "snacks");
        await().atMost(WAIT).until(() -> mailTo(eagerMail).size() == 1);
        MimeMessage mail = mailTo(eagerMail).get(0);
        assertThat(mail.getSubject()).contains("New questions").contains("Which snacks keep a homework club going?");
        assertThat(GreenMailUtil.getBody(mail)).contains(chapter);
        await().atMost(WAIT).until(() -> total(never) == 1);
        assertThat(mailTo(neverMail)).isEmpty();
        assertThat(http.get("/actuator/prometheus", null).raw()).contains("notifications_email_sent_total{");
    }

    @Test
    void sendsOneDailyDigestPerPeriodGroupedByChapterAndKind() throws Exception {
        String asker = member("asker", chapter, "VOLUNTEER");
        String reader = member("reader", chapter, "VOLUNTEER");
        awaitMembers(chapter, 2);
        String readerMail = "digest-" + chapter + "@example.org";
        watch(reader, Map.of("chapters", List.of(chapter)));
        prefer(reader, Map.of("email", readerMail, "emailFrequency", "DAILY",
                "kinds", Map.of("ANSWER_POSTED", "WEEKLY")));
        String q1 = ask(asker, "First question of the day, about focus", "focus");
        ask(asker, "Second question of the day, about snacks", "snacks");
        events.send(ANSWER, q1, chapter, Map.of("questionId", q1, "answerId", "a1", "chapterId", chapter,
                "authorId", asker, "questionAuthorId", reader, "visibility", "CHAPTER"));
        await().atMost(WAIT).until(() -> total(reader) == 3);

        Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
        digests.sendDue(tomorrow);
        digests.sendDue(tomorrow); // a second round (or another instance) in the same period sends nothing
        await().atMost(WAIT).until(() -> mailTo(readerMail).size() == 1);
        MimeMessage digest = mailTo(readerMail).get(0);
        String body = GreenMailUtil.getBody(digest);
        assertThat(digest.getSubject()).contains("daily digest").contains("2 notification(s)");
        assertThat(body).contains("Chapter " + chapter).contains("New questions (2)")
                .contains("First question of the day, about focus").contains("Second question of the day")
                .doesNotContain("New answers");

        // the answer was wanted weekly: it comes in the weekly digest after the week ends
        digests.sendDue(tomorrow.plus(Duration.ofDays(7)));
        await().atMost(WAIT).until(() -> mailTo(readerMail).size() >= 2);
        assertThat(mailTo(readerMail).stream().map(m -> {
            try {
                return m.getSubject();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })).anyMatch(s -> s.contains("weekly digest"));
        MimeMessage weekly = mailTo(readerMail).stream().filter(m -> {
            try {
                return m.getSubject().contains("weekly");
            } catch (Exception e) {
                return false;
            }
        }).findFirst().orElseThrow();
        assertThat(GreenMailUtil.getBody(weekly)).contains("New answers (1)").doesNotContain("New questions");
    }
}
