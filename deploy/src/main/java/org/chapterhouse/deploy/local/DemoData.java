package org.chapterhouse.deploy.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the demo network through the public API of the gateway, as its people would: two regions, four chapters,
 * twenty members with their roles, questions with answers (some accepted) and stories. Runs once: a network that
 * already has chapters is left alone.
 *
 * <p>Usage: {@code DemoData <gateway-url>} with {@code CHAPTERHOUSE_ADMIN_EMAIL} and
 * {@code CHAPTERHOUSE_ADMIN_PASSWORD} in the environment.
 */
public final class DemoData {

    public static final String PASSWORD = "chapterhouse-demo";
    public static final String DOMAIN = "@demo.chapterhouse.local";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final Map<String, String> ids = new LinkedHashMap<>();
    private final Map<String, String> tokens = new LinkedHashMap<>();

    private DemoData(String base) {
        this.base = base;
    }

    record Person(String name, String chapter, String role) {
    }

    static final List<Person> PEOPLE = List.of(
            new Person("Lena", "riverside-homework-club", "CHAPTER_LEAD"),
            new Person("Milo", "riverside-homework-club", "MENTOR"),
            new Person("Asha", "riverside-homework-club", "VOLUNTEER"),
            new Person("Tom", "riverside-homework-club", "VOLUNTEER"),
            new Person("Priya", "riverside-homework-club", "VOLUNTEER"),
            new Person("Hana", "hillside-reading-circle", "CHAPTER_LEAD"),
            new Person("Omar", "hillside-reading-circle", "MENTOR"),
            new Person("Lucy", "hillside-reading-circle", "VOLUNTEER"),
            new Person("Ben", "hillside-reading-circle", "VOLUNTEER"),
            new Person("Zoe", "hillside-reading-circle", "VOLUNTEER"),
            new Person("Carlos", "harbor-coding-dojo", "CHAPTER_LEAD"),
            new Person("Mei", "harbor-coding-dojo", "MENTOR"),
            new Person("Sam", "harbor-coding-dojo", "VOLUNTEER"),
            new Person("Ivy", "harbor-coding-dojo", "VOLUNTEER"),
            new Person("Noah", "harbor-coding-dojo", "VOLUNTEER"),
            new Person("Grace", "valley-mentors", "CHAPTER_LEAD"),
            new Person("Raj", "valley-mentors", "MENTOR"),
            new Person("Ella", "valley-mentors", "VOLUNTEER"),
            new Person("Finn", "valley-mentors", "VOLUNTEER"),
            new Person("Sofia", "riverside-homework-club", "VOLUNTEER"));

    public static void main(String[] args) throws Exception {
        new DemoData(args.length > 0 ? args[0] : "http://localhost:8080").load(System.getenv("CHAPTERHOUSE_ADMIN_EMAIL"),
                System.getenv("CHAPTERHOUSE_ADMIN_PASSWORD"));
    }

    void load(String adminEmail, String adminPassword) throws Exception {
        if (call("GET", "/api/v1/chapters", null, null, 200).get("total").asLong() > 0) {
            System.out.println("Demo data: the network already has chapters, nothing loaded");
            return;
        }
        String admin = token(adminEmail, adminPassword);
        call("POST", "/api/v1/regions", Map.of("name", "North Region"), admin, 201);
        call("POST", "/api/v1/regions", Map.of("name", "South Region"), admin, 201);
        chapter(admin, "Riverside Homework Club", "north-region", "After-school homework help, Tuesdays and Thursdays");
        chapter(admin, "Hillside Reading Circle", "north-region", "Reading buddies for primary-school children");
        chapter(admin, "Harbor Coding Dojo", "south-region", "Saturday coding club for teenagers");
        chapter(admin, "Valley Mentors", "south-region", "One-to-one mentoring for young adults");
        System.out.println("  2 regions, 4 chapters");

        for (Person p : PEOPLE) {
            JsonNode m = call("POST", "/api/v1/auth/register", Map.of("email", email(p), "password", PASSWORD,
                    "displayName", p.name(), "chapterId", p.chapter()), null, 201);
            ids.put(p.name(), m.get("id").asString());
            if (!p.role().equals("VOLUNTEER")) {
                call("PUT", "/api/v1/chapters/" + p.chapter() + "/members/" + ids.get(p.name()) + "/role",
                        Map.of("role", p.role()), admin, 200);
            }
        }
        call("PUT", "/api/v1/members/" + ids.get("Sofia") + "/roles", Map.of("roles", List.of("STAFF")), admin, 200);
        for (Person p : PEOPLE) {
            tokens.put(p.name(), token(email(p), PASSWORD));
        }
        profile("Milo", "Maths teacher, retired. Happy to help with homework routines.", List.of("homework-help",
                "maths", "focus"), List.of("after-school"), "Tuesday and Thursday evenings");
        profile("Omar", "Librarian; I run our graphic-novel shelf.", List.of("reading", "motivation"),
                List.of("reading-buddies"), "Weekends");
        profile("Mei", "Software engineer. Python, Scratch and robots.", List.of("coding", "python", "robotics"),
                List.of("coding-club"), "Saturday mornings");
        profile("Raj", "Career coach for young adults.", List.of("mentoring", "careers", "cv-writing"),
                List.of("one-to-one"), "Wednesday evenings");
        System.out.println("  " + PEOPLE.size() + " members (4 leads, 4 mentors with profiles, 1 staff)");

        String q1 = ask("Asha", "How do you keep ten-year-olds focused after school?",
                "By 5 pm my group of ten-year-olds is restless. What has worked for you to keep homework time"
                        + " productive?", List.of("homework-help", "focus"), "riverside-homework-club", "NETWORK");
        String a1 = answer("Milo", q1, "Short sprints: ten minutes of work, then a two-minute game. A visible"
                + " timer helps, and let them pick the game.");
        answer("Hana", q1, "We start with a snack and five minutes of free talk. Focus is much better afterwards.");
        accept("Asha", q1, a1);

        String q2 = ask("Lucy", "Which books get reluctant readers hooked?",
                "Two of my readers say every book is boring. Any titles or tricks that worked for you?",
                List.of("reading", "motivation"), "hillside-reading-circle", "NETWORK");
        answer("Omar", q2, "Graphic novels first, then the novel of the same story.");
        String a2 = answer("Mei", q2, "Let them choose from three books you picked; choice matters more than title.");
        accept("Lucy", q2, a2);

        String q3 = ask("Sam", "What laptop setup works for a pop-up coding club?",
                "We borrow laptops from a library. What should we install so kids can start in five minutes?",
                List.of("coding", "equipment"), "harbor-coding-dojo", "CHAPTER");
        answer("Carlos", q3, "A browser-based editor; nothing to install, and their work is saved online.");

        ask("Ella", "How do you match mentors with mentees?",
                "We have twelve mentors and twenty young adults waiting. How do you decide who goes with whom?",
                List.of("mentoring", "matching"), "valley-mentors", "CHAPTER");
        ask("Tom", "Ideas for a volunteer thank-you evening?",
                "Our chapter wants to thank its volunteers at the end of the term. What did your chapter do?",
                List.of("volunteers", "recognition"), "riverside-homework-club", "NETWORK");
        String q6 = ask("Zoe", "How long should a reading session be for six-year-olds?",
                "I have been doing 45 minutes and it feels too long.", List.of("reading", "early-years"),
                "hillside-reading-circle", "CHAPTER");
        String a6 = answer("Hana", q6, "Twenty minutes of reading, then talk about the pictures. Stop while it is fun.");
        accept("Zoe", q6, a6);
        System.out.println("  6 questions, 7 answers, 3 accepted");

        String s1 = story("Lena", "Ten-minute focus sprints for homework club",
                "What started as Milo's answer on Chapterhouse became our routine: ten minutes of work, two of play.",
                "BEST_PRACTICE", List.of("homework-help", "focus"), "riverside-homework-club", "NETWORK");
        call("POST", "/api/v1/stories/" + s1 + "/submission", null, tokens.get("Lena"), 200);
        // nobody reviews their own story: network staff publish the lead's NETWORK story
        call("POST", "/api/v1/stories/" + s1 + "/publication", null, tokens.get("Sofia"), 200);
        String s2 = story("Carlos", "Harbor Coding Dojo's first hackathon",
                "Forty teenagers, twelve volunteers and one very long Saturday: how we ran our first hackathon.",
                "SUCCESS_STORY", List.of("coding", "events"), "harbor-coding-dojo", "PUBLIC");
        call("POST", "/api/v1/stories/" + s2 + "/submission", null, tokens.get("Carlos"), 200);
        call("POST", "/api/v1/stories/" + s2 + "/publication", null, tokens.get("Sofia"), 200);
        String s3 = story("Grace", "A mentoring speed-dating evening",
                "Idea: let mentors and mentees meet for five minutes each before we match them.",
                "IDEA", List.of("mentoring", "matching"), "valley-mentors", "CHAPTER");
        call("POST", "/api/v1/stories/" + s3 + "/submission", null, tokens.get("Grace"), 200);
        String s4 = story("Ben", "Reading buddies across ages",
                "Our older readers read with the younger ones once a week.", "IDEA", List.of("reading"),
                "hillside-reading-circle", "CHAPTER");
        call("POST", "/api/v1/stories/" + s4 + "/submission", null, tokens.get("Ben"), 200);
        call("POST", "/api/v1/stories/" + s4 + "/return", Map.of("comment",
                "Lovely idea: add how you pair the readers and how long a session lasts."), tokens.get("Hana"), 200);
        System.out.println("  4 stories (2 published, 1 waiting for review, 1 returned with a comment)");
    }

    private void profile(String name, String bio, List<String> skills, List<String> programs, String availability)
            throws Exception {
        call("PATCH", "/api/v1/members/me", Map.of("bio", bio, "skills", skills, "programs", programs,
                "availability", availability, "profileVisibility", "NETWORK"), tokens.get(name), 200);
    }

    static String email(Person p) {
        return p.name().toLowerCase() + DOMAIN;
    }

    private void chapter(String admin, String name, String region, String description) throws Exception {
        call("POST", "/api/v1/chapters", Map.of("name", name, "regionId", region, "description", description), admin,
                201);
    }

    private String ask(String who, String title, String body, List<String> tags, String chapter, String visibility)
            throws Exception {
        return call("POST", "/api/v1/questions", Map.of("title", title, "body", body, "tags", tags,
                "chapterId", chapter, "visibility", visibility), tokens.get(who), 201).get("id").asString();
    }

    private String answer(String who, String question, String body) throws Exception {
        return call("POST", "/api/v1/questions/" + question + "/answers", Map.of("body", body), tokens.get(who), 201)
                .get("id").asString();
    }

    private void accept(String who, String question, String answer) throws Exception {
        call("PUT", "/api/v1/questions/" + question + "/accepted-answer", Map.of("answerId", answer),
                tokens.get(who), 200);
    }

    private String story(String who, String title, String body, String kind, List<String> tags, String chapter,
                         String visibility) throws Exception {
        return call("POST", "/api/v1/stories", Map.of("title", title, "body", body, "kind", kind, "tags", tags,
                "chapterId", chapter, "visibility", visibility), tokens.get(who), 201).get("id").asString();
    }

    private String token(String email, String password) throws Exception {
        return call("POST", "/api/v1/auth/token", Map.of("email", email, "password", password), null, 200)
                .get("accessToken").asString();
    }

    private JsonNode call(String method, String path, Object body, String token, int expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
    }
}
