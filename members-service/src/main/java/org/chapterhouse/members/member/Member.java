package org.chapterhouse.members.member;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.chapterhouse.support.outbox.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A member account: the aggregate, with the events it raised still waiting in its outbox. */
@Document(Members.COLLECTION)
public record Member(
        @Id String id,
        String email,
        String passwordHash,
        String displayName,
        String homeChapterId,
        List<ChapterRole> chapters,
        Set<String> networkRoles,
        Instant createdAt,
        List<OutboxEntry> outbox) {

    public Member {
        chapters = chapters == null ? List.of() : List.copyOf(chapters);
        networkRoles = networkRoles == null ? Set.of() : Set.copyOf(networkRoles);
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
    }

    public Map<String, String> chapterRoles() {
        return chapters.stream().collect(Collectors.toUnmodifiableMap(ChapterRole::chapterId, ChapterRole::role));
    }

    public boolean isMemberOf(String chapterId) {
        return chapters.stream().anyMatch(c -> c.chapterId().equals(chapterId));
    }
}
