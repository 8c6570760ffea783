package org.chapterhouse.members.chapter;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("chapters")
public record Chapter(@Id String id, String name, String regionId, String description, Instant createdAt) {
}
