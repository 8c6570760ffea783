package org.chapterhouse.members.chapter;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("regions")
public record Region(@Id String id, String name, Instant createdAt) {
}
