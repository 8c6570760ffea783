package org.chapterhouse.discussions.question;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.chapterhouse.discussions.events.Visibility;
import org.chapterhouse.support.outbox.OutboxEntry;
import org.chapterhouse.support.security.Caller;
import org.chapterhouse.support.web.ApiProblem;
import org.chapterhouse.support.web.PageQuery;
import org.chapterhouse.support.web.PageResponse;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/**
 * The read side of questions: an embedded Apache Lucene index of every question (title, body, visible answers, tags,
 * chapter, visibility, status and the figures a list shows). Lists, full-text search, similar questions and tag
 * counts are answered from it; a question page is read from the store.
 *
 * <p>It is kept current three ways, so it works the same on the local wire server and on a real MongoDB replica set
 * with several instances: the instance that writes a question indexes it at once (read-your-writes); every instance
 * polls the store for questions whose {@code changedAt} moved (other instances' writes); and it is rebuilt from the
 * store when it is empty, of an older layout, or asked to. It is never the source of truth.
 */
@Component
class QuestionIndex implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(QuestionIndex.class);
    /** Bump when the indexed fields change: an index of another layout is rebuilt from the store. */
    static final String LAYOUT = "4";
    /** Deepest result a page may reach; beyond it, narrow the query. */
    static final int MAX_WINDOW = 10_000;
    private static final Duration OVERLAP = Duration.ofSeconds(5);
    private static final Parser MARKDOWN = Parser.builder().build();
    private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();
    private static final Map<String, Float> WEIGHTS = Map.of("title", 3f, "tagText", 2f, "body", 1f, "answers", 0.7f);

    private final MongoTemplate mongo;
    private final SearchProperties properties;
    private final Analyzer analyzer = new EnglishText();
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ScheduledExecutorService poller;
    private final AtomicBoolean rebuilding = new AtomicBoolean();
    private final AtomicBoolean ready = new AtomicBoolean();
    private final AtomicLong watermark = new AtomicLong();
    private final Timer searchTimer;
    /**
     * The change time of what the index holds per question, so that a slower reader (the poll) never replaces a
     * newer state another path has already indexed.
     */
    private final Map<String, Long> versions = new java.util.concurrent.ConcurrentHashMap<>();
    private final Object writes = new Object();

    QuestionIndex(MongoTemplate mongo, SearchProperties properties, MeterRegistry meters) throws IOException {
        this.mongo = mongo;
        this.properties = properties;
        if (properties.indexDir() == null || properties.indexDir().isBlank()) {
            directory = new ByteBuffersDirectory();
        } else {
            directory = FSDirectory.open(Files.createDirectories(java.nio.file.Path.of(properties.indexDir())));
        }
        IndexWriterConfig config = new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        writer = new IndexWriter(directory, config);
        searchers = new SearcherManager(writer, null);
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "question-index");
            t.setDaemon(true);
            return t;
        });
        searchTimer = Timer.builder("discussions.search.executed").publishPercentiles(0.5, 0.99).register(meters);
        Gauge.builder("discussions.search.indexed", writer, w -> w.getDocStats().numDocs).register(meters);
    }

    /** Opens the index: rebuilds it from the store if needed, then follows the store's changes. */
    @EventListener(ApplicationReadyEvent.class)
    void start() {
        Map<String, String> committed = new HashMap<>();
        writer.getLiveCommitData().forEach(e -> committed.put(e.getKey(), e.getValue()));
        boolean current = LAYOUT.equals(committed.get("layout")) && committed.containsKey("watermark");
        if (current) {
            watermark.set(Long.parseLong(committed.get("watermark")));
            ready.set(true);
            log.info("Search index opened with {} questions; catching up from {}", writer.getDocStats().numDocs,
                    Instant.ofEpochMilli(watermark.get()));
        } else {
            poller.execute(this::rebuildNow);
        }
        long every = properties.pollInterval().toMillis();
        if (every > 0) {
            poller.scheduleWithFixedDelay(this::catchUp, every, every, TimeUnit.MILLISECONDS);
        } else {
            log.info("Search index poll is off: only this instance's own writes reach the index");
        }
    }

    /** Schedules a rebuild from the store; false if one is already running. */
    boolean rebuild() {
        if (rebuilding.get()) {
            return false;
        }
        poller.execute(this::rebuildNow);
        return true;
    }

    record Status(boolean ready, boolean rebuilding, int questions, Instant indexedUpTo) {
    }

    Status status() {
        return new Status(ready.get(), rebuilding.get(), writer.getDocStats().numDocs,
                watermark.get() == 0 ? null : Instant.ofEpochMilli(watermark.get()));
    }

    private void rebuildNow() {
        if (!rebuilding.compareAndSet(false, true)) {
            return;
        }
        long started = System.currentTimeMillis();
        try {
            synchronized (writes) {
                writer.deleteAll();
                versions.clear();
            }
            int count = 0;
            org.springframework.data.mongodb.core.query.Query all = new org.springframework.data.mongodb.core.query.Query();
            all.fields().exclude("votes", "revisions", OutboxEntry.FIELD, "flags", "answers.votes",
                    "answers.revisions", "answers.flags");
            // in batches: the local wire server would otherwise answer 100,000 questions in one oversized message
            all.cursorBatchSize(500);
            try (Stream<Question> stream = mongo.stream(all, Question.class)) {
                for (var it = stream.iterator(); it.hasNext(); ) {
                    put(it.next());
                    count++;
                }
            }
            watermark.set(started - OVERLAP.toMillis());
            commit();
            ready.set(true);
            log.info("Search index rebuilt from the store: {} questions in {} ms", count,
                    System.currentTimeMillis() - started);
        } catch (IOException | RuntimeException e) {
            log.error("Search index rebuild failed; it will be tried again at the next start or request", e);
        } finally {
            rebuilding.set(false);
        }
    }

    /** Indexes what changed in the store since the watermark (other instances' writes, or missed ones). */
    private void catchUp() {
        if (!ready.get() || rebuilding.get()) {
            return;
        }
        try {
            Instant since = Instant.ofEpochMilli(watermark.get() - OVERLAP.toMillis());
            var changed = org.springframework.data.mongodb.core.query.Query.query(
                            Criteria.where("changedAt").gte(since))
                    .with(org.springframework.data.domain.Sort.by("changedAt")).limit(properties.batchSize());
            changed.fields().exclude("votes", "revisions", OutboxEntry.FIELD, "flags", "answers.votes",
                    "answers.revisions", "answers.flags");
            List<Question> batch = mongo.find(changed, Question.class);
            long newest = watermark.get();
            for (Question q : batch) {
                put(q);
                newest = Math.max(newest, q.changedAt().toEpochMilli());
            }
            if (!batch.isEmpty()) {
                watermark.set(newest);
                commit();
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Search index catch-up failed; trying again in {}", properties.pollInterval(), e);
        }
    }

    /** Indexes a question the caller has just written, so that the writer's next list or search shows it. */
    void indexed(Question q) {
        try {
            put(q);
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            // the poll catches up with it; the write itself is safe in the store
            log.warn("Could not index question {} at once", q.id(), e);
        }
    }

    private void put(Question q) throws IOException {
        long version = q.changedAt().toEpochMilli();
        synchronized (writes) {
            Long held = versions.get(q.id());
            if (held != null && held > version) {
                return;
            }
            writer.updateDocument(new Term("id", q.id()), document(q));
            versions.put(q.id(), version);
        }
    }

    private void commit() throws IOException {
        writer.setLiveCommitData(Map.of("layout", LAYOUT, "watermark", Long.toString(watermark.get())).entrySet());
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    private static Document document(Question q) {
        Document d = new Document();
        d.add(new StringField("id", q.id(), Field.Store.YES));
        d.add(new SortedDocValuesField("id", new BytesRef(q.id())));
        d.add(new StringField("chapterId", q.chapterId(), Field.Store.YES));
        d.add(new StringField("visibility", q.visibility().name(), Field.Store.YES));
        d.add(new StringField("authorId", q.authorId(), Field.Store.YES));
        if (q.authorName() != null) {
            d.add(new StoredField("authorName", q.authorName()));
        }
        d.add(new StringField("status", q.answered() ? "answered" : "unanswered", Field.Store.YES));
        d.add(new StringField("hidden", Boolean.toString(q.hidden()), Field.Store.NO));
        d.add(new StringField("flagged", Boolean.toString(q.flagCount() > 0
                || q.answers().stream().anyMatch(a -> a.flagCount() > 0)), Field.Store.NO));
        for (String tag : q.tags()) {
            d.add(new StringField("tag", tag, Field.Store.YES));
        }
        d.add(new TextField("tagText", String.join(" ", q.tags()).replace('-', ' '), Field.Store.NO));
        d.add(new TextField("title", q.title(), Field.Store.YES));
        d.add(new TextField("body", plainText(q.body()), Field.Store.YES));
        StringBuilder answers = new StringBuilder();
        q.answers().stream().filter(a -> !a.hidden()).forEach(a -> answers.append(plainText(a.body())).append("\n\n"));
        d.add(new TextField("answers", answers.toString(), Field.Store.NO));
        int score = q.score();
        d.add(new NumericDocValuesField("score", score));
        d.add(new StoredField("score", score));
        d.add(new StoredField("answerCount", q.answerCount()));
        long created = q.createdAt().toEpochMilli();
        long activity = q.lastActivityAt().toEpochMilli();
        d.add(new NumericDocValuesField("createdAt", created));
        d.add(new StoredField("createdAt", created));
        d.add(new NumericDocValuesField("lastActivityAt", activity));
        d.add(new StoredField("lastActivityAt", activity));
        return d;
    }

    static String plainText(String markdown) {
        return markdown == null ? "" : TEXT.render(MARKDOWN.parse(markdown));
    }

    /** A question as a list shows it, with the matching parts of title and body when it answers a search. */
    record Hit(String id, String chapterId, String authorId, String authorName, String title, List<String> tags,
               Visibility visibility, String status, int score, int answerCount, Instant createdAt,
               Instant lastActivityAt, Highlight highlight) {
    }

    /** HTML-escaped text with the matched words in {@code <mark>}; null where nothing matched. */
    record Highlight(String title, String body) {
    }

    record Filter(String chapterId, String tag, Boolean answered, String authorId) {
    }

    /** How a list is ordered: relevance (searches only), most recent activity, newest first, or best voted first. */
    enum Order {
        RELEVANCE, ACTIVITY, NEWEST, VOTES
    }

    /** Questions the caller may see, filtered; ranked by relevance to {@code text} when given. */
    PageResponse<Hit> find(Caller caller, Filter filter, String text, Order order, PageQuery page) {
        if ((long) page.offset() + page.size() > MAX_WINDOW) {
            throw ApiProblem.badRequest("page-too-deep", "Results go " + MAX_WINDOW
                    + " deep at most; narrow the search with chapterId, tag or status");
        }
        Timer.Sample sample = Timer.start();
        try {
            return searching(searcher -> {
                BooleanQuery.Builder query = new BooleanQuery.Builder();
                visibleTo(caller, query);
                if (filter.chapterId() != null) {
                    query.add(new TermQuery(new Term("chapterId", filter.chapterId())), BooleanClause.Occur.FILTER);
                }
                if (filter.tag() != null) {
                    query.add(new TermQuery(new Term("tag", filter.tag())), BooleanClause.Occur.FILTER);
                }
                if (filter.answered() != null) {
                    query.add(new TermQuery(new Term("status", filter.answered() ? "answered" : "unanswered")),
                            BooleanClause.Occur.FILTER);
                }
                if (filter.authorId() != null) {
                    query.add(new TermQuery(new Term("authorId", filter.authorId())), BooleanClause.Occur.FILTER);
                }
                Query matching = null;
                long total = -1;
                if (text != null) {
                    matching = parse(text, BooleanClause.Occur.MUST);
                    if (matching != null) {
                        // the exact total of the usual case (every word) is counted once, here
                        total = searcher.count(with(query.build(), matching));
                    }
                    if (matching != null && total == 0) {
                        // no question has every word: rank those that have some of them
                        matching = parse(text, BooleanClause.Occur.SHOULD);
                        total = -1;
                    }
                    if (matching == null) {
                        return PageResponse.of(List.of(), page, 0);
                    }
                    query.add(matching, BooleanClause.Occur.MUST);
                } else {
                    query.add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
                }
                Query built = query.build();
                int wanted = (int) page.offset() + page.size();
                TopDocs top = order == Order.RELEVANCE && text != null ? searcher.search(built, wanted)
                        : searcher.search(built, wanted, sort(order == Order.RELEVANCE ? Order.ACTIVITY : order));
                if (total < 0) {
                    total = searcher.count(built);
                }
                ScoreDoc[] docs = top.scoreDocs;
                int from = (int) Math.min(page.offset(), docs.length);
                TopDocs pageDocs = new TopDocs(top.totalHits, java.util.Arrays.copyOfRange(docs, from, docs.length));
                String[] titles = null;
                String[] bodies = null;
                if (matching != null && pageDocs.scoreDocs.length > 0) {
                    UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
                            .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                            .withMaxLength(20_000).build();
                    titles = highlighter.highlight("title", matching, pageDocs, 1);
                    bodies = highlighter.highlight("body", matching, pageDocs, 2);
                }
                List<Hit> hits = new ArrayList<>();
                var stored = searcher.storedFields();
                for (int i = 0; i < pageDocs.scoreDocs.length; i++) {
                    Document d = stored.document(pageDocs.scoreDocs[i].doc);
                    Highlight highlight = titles == null ? null : new Highlight(titles[i], bodies[i]);
                    hits.add(hit(d, highlight));
                }
                return PageResponse.of(hits, page, total);
            });
        } finally {
            sample.stop(searchTimer);
        }
    }

    /** Questions like the one being written (title and body so far), best first. */
    List<Hit> similar(Caller caller, String title, String body, int limit) {
        return searching(searcher -> {
            MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
            mlt.setAnalyzer(analyzer);
            mlt.setFieldNames(new String[] {"title", "body", "answers"});
            mlt.setMinTermFreq(1);
            mlt.setMinDocFreq(1);
            mlt.setMinWordLen(3);
            mlt.setMaxQueryTerms(25);
            BooleanQuery.Builder like = new BooleanQuery.Builder();
            like.add(mlt.like("title", new StringReader(title == null ? "" : title)), BooleanClause.Occur.SHOULD);
            if (body != null && !body.isBlank()) {
                like.add(mlt.like("body", new StringReader(plainText(body))), BooleanClause.Occur.SHOULD);
            }
            BooleanQuery.Builder query = new BooleanQuery.Builder();
            visibleTo(caller, query);
            query.add(like.build(), BooleanClause.Occur.MUST);
            TopDocs top = searcher.search(query.build(), limit);
            List<Hit> hits = new ArrayList<>();
            var stored = searcher.storedFields();
            for (ScoreDoc sd : top.scoreDocs) {
                hits.add(hit(stored.document(sd.doc), null));
            }
            return hits;
        });
    }

    record TagCount(String tag, long questions) {
    }

    /**
     * Tags starting with {@code prefix} (all when empty), with how many questions the caller may see carry each, in
     * one chapter or across what the caller sees; most used first.
     */
    List<TagCount> tags(Caller caller, String chapterId, String prefix, int limit) {
        return searching(searcher -> {
            Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), "tag");
            if (terms == null) {
                return List.of();
            }
            BooleanQuery.Builder base = new BooleanQuery.Builder();
            visibleTo(caller, base);
            if (chapterId != null) {
                base.add(new TermQuery(new Term("chapterId", chapterId)), BooleanClause.Occur.FILTER);
            }
            BooleanQuery filter = base.build();
            TermsEnum it = terms.iterator();
            BytesRef start = new BytesRef(prefix);
            if (it.seekCeil(start) == TermsEnum.SeekStatus.END) {
                return List.of();
            }
            Map<String, Long> counts = new LinkedHashMap<>();
            int candidates = 0;
            for (BytesRef term = it.term(); term != null && candidates < 2_000; term = it.next(), candidates++) {
                String tag = term.utf8ToString();
                if (!tag.startsWith(prefix)) {
                    break;
                }
                long n = searcher.count(with(filter, new TermQuery(new Term("tag", tag))));
                if (n > 0) {
                    counts.put(tag, n);
                }
            }
            return counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(limit).map(e -> new TagCount(e.getKey(), e.getValue())).toList();
        });
    }

    /** Ids of the questions, in the given chapters, that are hidden or carry open flags: a moderation queue. */
    List<String> awaitingModeration(List<String> chapterIds, boolean allChapters, String state, int limit) {
        return searching(searcher -> {
            BooleanQuery.Builder query = new BooleanQuery.Builder();
            if (!allChapters) {
                BooleanQuery.Builder chapters = new BooleanQuery.Builder();
                chapterIds.forEach(c -> chapters.add(new TermQuery(new Term("chapterId", c)),
                        BooleanClause.Occur.SHOULD));
                query.add(chapters.build(), BooleanClause.Occur.FILTER);
            }
            query.add(new TermQuery(state.equals("hidden") ? new Term("hidden", "true")
                    : new Term("flagged", "true")), BooleanClause.Occur.FILTER);
            TopDocs top = searcher.search(query.build(), limit, sort(Order.ACTIVITY));
            List<String> ids = new ArrayList<>();
            var stored = searcher.storedFields();
            for (ScoreDoc sd : top.scoreDocs) {
                ids.add(stored.document(sd.doc).get("id"));
            }
            return ids;
        });
    }

    private interface Search<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    /** Runs a search on the latest searcher, released afterwards. */
    private <T> T searching(Search<T> search) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return search.run(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Query parse(String text, BooleanClause.Occur operator) {
        SimpleQueryParser parser = new SimpleQueryParser(analyzer, WEIGHTS);
        parser.setDefaultOperator(operator);
        return parser.parse(text);
    }

    private static Query with(Query filter, Query must) {
        return new BooleanQuery.Builder().add(filter, BooleanClause.Occur.FILTER).add(must, BooleanClause.Occur.MUST)
                .build();
    }

    /** Hidden questions never appear in lists or searches; CHAPTER ones only for members of the chapter or staff. */
    private static void visibleTo(Caller caller, BooleanQuery.Builder query) {
        query.add(new TermQuery(new Term("hidden", "true")), BooleanClause.Occur.MUST_NOT);
        if (caller.isStaff()) {
            return;
        }
        BooleanQuery.Builder visible = new BooleanQuery.Builder();
        visible.add(new TermQuery(new Term("visibility", Visibility.NETWORK.name())), BooleanClause.Occur.SHOULD);
        for (String chapter : caller.chapterIds()) {
            visible.add(new TermQuery(new Term("chapterId", chapter)), BooleanClause.Occur.SHOULD);
        }
        query.add(visible.build(), BooleanClause.Occur.FILTER);
    }

    private static Sort sort(Order order) {
        SortField tieBreak = new SortField("id", SortField.Type.STRING);
        return switch (order) {
            case NEWEST -> new Sort(new SortField("createdAt", SortField.Type.LONG, true), tieBreak);
            case VOTES -> new Sort(new SortField("score", SortField.Type.INT, true),
                    new SortField("lastActivityAt", SortField.Type.LONG, true), tieBreak);
            default -> new Sort(new SortField("lastActivityAt", SortField.Type.LONG, true), tieBreak);
        };
    }

    private static Hit hit(Document d, Highlight highlight) {
        return new Hit(d.get("id"), d.get("chapterId"), d.get("authorId"), d.get("authorName"), d.get("title"),
                List.of(d.getValues("tag")), Visibility.valueOf(d.get("visibility")), d.get("status"),
                d.getField("score").numericValue().intValue(), d.getField("answerCount").numericValue().intValue(),
                Instant.ofEpochMilli(d.getField("createdAt").numericValue().longValue()),
                Instant.ofEpochMilli(d.getField("lastActivityAt").numericValue().longValue()), highlight);
    }

    @Override
    public void destroy() throws IOException {
        poller.shutdownNow();
        searchers.close();
        writer.close();
        directory.close();
    }

    /**
     * English text, as Lucene's {@code EnglishAnalyzer} (standard tokens, possessives dropped, lower case, English
     * stop words) but stemmed with KStem instead of Porter: Porter folds "focus" to "focu" and "focused" to "focus",
     * so a search for one missed the other; KStem folds both (and recruiting/recruited, volunteers) to the word.
     */
    static final class EnglishText extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream result = new EnglishPossessiveFilter(source);
            result = new LowerCaseFilter(result);
            result = new StopFilter(result, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
            result = new KStemFilter(result);
            return new TokenStreamComponents(source, result);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new LowerCaseFilter(in);
        }
    }
}
