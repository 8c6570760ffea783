package org.chapterhouse.members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chapterhouse.members.ProfilesIT.assertProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chapterhouse.support.testing.ServiceIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

@ServiceIntegrationTest
@TestPropertySource(properties = {
        "chapterhouse.members.admin.email=admin@chapterhouse.test",
        "chapterhouse.members.admin.password=admin-password-1"})
class DirectoryIT {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    Fixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new Fixture(port);
    }

    @Test
    void findsPeersByChapterSkillAndTextHonouringWhoMaySeeEachProfile() {
        String north = fixture.chapter("Northgate");
        String south = fixture.chapter("Southgate");
        String tag = Fixture.unique(); // a word only this test's members have, so other tests' members stay out
        var mentor = fixture.register("Mentor " + tag, north);
        profile(mentor, Map.of("skills", List.of("Homework Help", "Reading"), "bio", "Loves chess"));
        var reader = fixture.register("Reader " + tag, north);
        profile(reader, Map.of("skills", List.of("reading")));
        var networkMember = fixture.register("Open " + tag, south);
        profile(networkMember, Map.of("skills", List.of("reading"), "profileVisibility", "NETWORK"));
        var hidden = fixture.register("Hidden " + tag, south);
        profile(hidden, Map.of("skills", List.of("reading")));

        // a member of north sees north's members, NETWORK profiles and never a CHAPTER profile of south
        String asNorth = mentor.token();
        assertThat(names("/api/v1/members?q=" + tag, asNorth))
                .containsExactly("Mentor " + tag, "Open " + tag, "Reader " + tag);
        assertThat(names("/api/v1/members?chapterId=" + north, asNorth)).containsExactly("Mentor " + tag,
                "Reader " + tag);
        assertThat(names("/api/v1/members?chapterId=" + south, asNorth)).containsExactly("Open " + tag);
        assertThat(names("/api/v1/members?skill=Reading&q=" + tag, asNorth))
                .containsExactly("Mentor " + tag, "Open " + tag, "Reader " + tag);
        assertThat(names("/api/v1/members?skill=homework-help&chapterId=" + north, asNorth))
                .containsExactly("Mentor " + tag);
        // q matches the bio and skills too, in any case
        assertThat(names("/api/v1/members?q=CHESS&chapterId=" + north, asNorth)).containsExactly("Mentor " + tag);
        assertThat(names("/api/v1/members?q=homework+help&chapterId=" + north, asNorth))
                .containsExactly("Mentor " + tag);
        // the hidden member sees themselves
        assertThat(names("/api/v1/members?chapterId=" + south, hidden.token())).containsExactly("Hidden " + tag,
                "Open " + tag);
        // an ADMIN sees everyone, with emails
        JsonNode all = fixture.http.get("/api/v1/members?q=" + tag, fixture.admin()).json();
        assertThat(all.get("total").asLong()).isEqualTo(4);
        assertThat(all.get("items").get(0).get("email").asString()).isEqualTo(hidden.email());
        // a member never sees another's email, only their own
        assertThat(fixture.http.get("/api/v1/members?q=" + tag, asNorth).raw()).contains(mentor.email())
                .doesNotContain(reader.email()).doesNotContain(networkMember.email());
    }

    @Test
    void pagesTheDirectory() {
        String chapter = fixture.chapter("Paging");
        for (String name : List.of("Ann", "Ben", "Cat")) {
            fixture.register(name, chapter);
        }
        String token = fixture.register("Dan", chapter).token();
        JsonNode page = fixture.http.get("/api/v1/members?chapterId=" + chapter + "&page=1&size=3", token).json();
        assertThat(page.get("total").asLong()).isEqualTo(4);
        assertThat(page.get("page").asInt()).isEqualTo(1);
        assertThat(page.get("size").asInt()).isEqualTo(3);
        assertThat(page.get("items").get(0).get("displayName").asString()).isEqualTo("Dan");
    }

    @Test
    void rejectsBadDirectoryQueries() {
        String token = fixture.register("Eve", fixture.chapter("Queries")).token();
        assertProblem(fixture.http.get("/api/v1/members?size=101", token), 400);
        assertProblem(fixture.http.get("/api/v1/members?page=-1", token), 400);
        assertProblem(fixture.http.get("/api/v1/members?page=x", token), 400);
        assertProblem(fixture.http.get("/api/v1/members?skill=!!!", token), 400);
        assertProblem(fixture.http.get("/api/v1/members?q=" + "x".repeat(101), token), 400);
        assertProblem(fixture.http.get("/api/v1/members", null), 401);
        // a regular expression in q is plain text
        assertThat(fixture.http.get("/api/v1/members?q=.*", token).json().get("total").asLong()).isZero();
    }

    private void profile(Fixture.Registered member, Map<String, Object> change) {
        var r = fixture.http.patch("/api/v1/members/me", change, member.token());
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
    }

    private List<String> names(String path, String token) {
        var r = fixture.http.get(path, token);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        r.json().get("items").forEach(i -> names.add(i.get("displayName").asString()));
        return names;
    }
}
