package org.chapterhouse.members.chapter;

import java.text.Normalizer;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.chapterhouse.support.web.ApiProblem;
import org.chapterhouse.support.web.PageQuery;
import org.chapterhouse.support.web.PageResponse;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** The network tree: regions and their chapters. Ids are slugs of the names (opaque to clients). */
@Service
public class Chapters {

    private final MongoTemplate mongo;

    Chapters(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(Chapter.class).createIndex(new Index().on("regionId", Sort.Direction.ASC)
                .on("name", Sort.Direction.ASC).named("region_name"));
        mongo.indexOps(Chapter.class).createIndex(new Index().on("name", Sort.Direction.ASC).named("name"));
    }

    public Optional<Chapter> chapter(String id) {
        return Optional.ofNullable(mongo.findById(id, Chapter.class));
    }

    PageResponse<Chapter> chapters(String regionId, PageQuery page) {
        Query q = regionId == null ? new Query() : Query.query(Criteria.where("regionId").is(regionId));
        long total = mongo.count(q, Chapter.class);
        List<Chapter> items = mongo.find(q.with(Sort.by("name", "_id")).skip(page.offset()).limit(page.size()),
                Chapter.class);
        return PageResponse.of(items, page, total);
    }

    List<Region> regions() {
        return mongo.find(new Query().with(Sort.by("name")), Region.class);
    }

    Region createRegion(String name) {
        try {
            return mongo.insert(new Region(slug(name), name.strip(), Instant.now()));
        } catch (DuplicateKeyException e) {
            throw ApiProblem.conflict("region-exists", "A region named '" + name.strip() + "' already exists");
        }
    }

    Chapter createChapter(String name, String regionId, String description) {
        if (mongo.findById(regionId, Region.class) == null) {
            throw ApiProblem.badRequest("unknown-region", "There is no region '" + regionId + "'");
        }
        try {
            return mongo.insert(new Chapter(slug(name), name.strip(), regionId, description, Instant.now()));
        } catch (DuplicateKeyException e) {
            throw ApiProblem.conflict("chapter-exists", "A chapter named '" + name.strip() + "' already exists");
        }
    }

    static String slug(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (slug.isEmpty()) {
            throw ApiProblem.badRequest("invalid-name", "The name needs at least one letter or digit");
        }
        return slug;
    }
}
