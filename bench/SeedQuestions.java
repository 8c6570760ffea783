import com.mongodb.client.MongoClients;
import com.mongodb.client.model.InsertManyOptions;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.bson.Document;

/**
 * Writes N questions (with 0-3 answers each) straight into discussions-service's database, in the shape the service
 * stores them, for the discussions benchmark; prints where the ids went. Single-file program:
 *
 *   java -cp "deploy/target/lib/*" bench/SeedQuestions.java mongodb://127.0.0.1:27017/discussions 100000 ids.txt
 */
public class SeedQuestions {

    static final String[] CHAPTERS = {"riverside-homework-club", "hillside-reading-circle", "harbor-coding-dojo",
            "valley-mentors"};
    static final String[] TAGS = {"homework-help", "focus", "reading", "maths", "coding", "python", "scratch",
            "mentoring", "recruitment", "volunteers", "recognition", "safeguarding", "fundraising", "events",
            "trips", "parents", "schools", "attendance", "behaviour", "snacks", "rooms", "transport", "training",
            "onboarding", "retention", "games", "art", "music", "sport", "wellbeing", "exams", "careers",
            "interviews", "cv-writing", "library", "books", "phonics", "spelling", "science", "robotics"};
    static final String[] WORDS = ("volunteer volunteers recruiting recruit training session sessions children "
            + "parents school homework reading club mentor mentoring chapter plan planning timetable games focus "
            + "attention snacks room booking keys trip museum coach transport safeguarding checks consent photos "
            + "fundraising bake sale grant donors sponsor thank recognition award certificate badge evening weekend "
            + "tuesday thursday saturday laptop tablets coding python scratch robots maths fractions spelling "
            + "phonics library books stories writing poems exams revision careers interview cv teenager young "
            + "adult confidence wellbeing anxiety behaviour rules noise calm break outdoor sport music art paint "
            + "attendance retention onboarding induction handbook rota schedule email newsletter survey feedback")
            .split(" ");

    public static void main(String[] args) throws Exception {
        String uri = args[0];
        int n = Integer.parseInt(args[1]);
        Path idsFile = Path.of(args[2]);
        Random random = new Random(42);
        List<String> authors = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            authors.add(UUID.nameUUIDFromBytes(("bench-author-" + i).getBytes()).toString());
        }
        long now = System.currentTimeMillis();
        long twoYears = 2L * 365 * 24 * 3600 * 1000;
        try (var client = MongoClients.create(uri); PrintWriter ids = new PrintWriter(Files.newBufferedWriter(idsFile))) {
            var questions = client.getDatabase(uri.substring(uri.lastIndexOf('/') + 1)).getCollection("questions");
            List<Document> batch = new ArrayList<>();
            long started = System.nanoTime();
            for (int i = 0; i < n; i++) {
                String id = UUID.randomUUID().toString();
                String chapter = CHAPTERS[random.nextInt(CHAPTERS.length)];
                Instant created = Instant.ofEpochMilli(now - (long) (random.nextDouble() * twoYears));
                List<Document> answers = new ArrayList<>();
                int answerCount = random.nextInt(4);
                Instant last = created;
                for (int a = 0; a < answerCount; a++) {
                    last = last.plusSeconds(600 + random.nextInt(86_400));
                    answers.add(new Document("answerId", UUID.randomUUID().toString())
                            .append("authorId", authors.get(random.nextInt(authors.size())))
                            .append("authorName", "Volunteer " + random.nextInt(500))
                            .append("body", sentence(random, 25 + random.nextInt(40)))
                            .append("createdAt", Date.from(last)).append("score", random.nextInt(5))
                            .append("votes", new Document()).append("revision", 0).append("flagCount", 0));
                }
                List<String> tags = new ArrayList<>();
                int tagCount = 1 + random.nextInt(3);
                while (tags.size() < tagCount) {
                    String t = TAGS[random.nextInt(TAGS.length)];
                    if (!tags.contains(t)) {
                        tags.add(t);
                    }
                }
                String accepted = !answers.isEmpty() && random.nextBoolean() ? answers.get(0).getString("answerId")
                        : null;
                batch.add(new Document("_id", id).append("chapterId", chapter)
                        .append("authorId", authors.get(random.nextInt(authors.size())))
                        .append("authorName", "Volunteer " + random.nextInt(500))
                        .append("title", capitalise(sentence(random, 5 + random.nextInt(8))) + "?")
                        .append("body", sentence(random, 40 + random.nextInt(120)))
                        .append("tags", tags).append("visibility", random.nextInt(10) < 7 ? "NETWORK" : "CHAPTER")
                        .append("answers", answers).append("answerCount", answers.size())
                        .append("acceptedAnswerId", accepted).append("score", random.nextInt(20) - 3)
                        .append("votes", new Document()).append("createdAt", Date.from(created))
                        .append("lastActivityAt", Date.from(last)).append("changedAt", Date.from(last))
                        .append("revision", 0).append("revisions", List.of()).append("flagCount", 0)
                        .append("outbox", List.of()));
                if (i % 200 == 0) {
                    ids.println(id + "\t" + chapter);
                }
                if (batch.size() == 1000) {
                    questions.insertMany(batch, new InsertManyOptions().ordered(false));
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                questions.insertMany(batch);
            }
            System.out.printf("seeded %d questions in %.1f s%n", n, (System.nanoTime() - started) / 1e9);
        }
    }

    static String sentence(Random random, int words) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                s.append(i % 14 == 0 ? ". " : " ");
            }
            s.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return s.toString();
    }

    static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
