package org.chapterhouse.members.member;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.chapterhouse.support.outbox.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A member account: the aggregate, with the events it raised still waiting in its outbox.
 *
 * <p>Documents written before profiles existed lack {@code bio}, {@code skills}, {@code programs},
 * {@code availability}, {@code profileVisibility}, {@code searchText}, {@code revision} and {@code erased}: they read
 * as an empty profile visible to the member's chapters, revision 0, not erased. An erased member is a tombstone that
 * keeps only its id, {@code erased}, {@code erasedAt} (and its outbox until the relay has published it).
 *
 * @param searchText lower-case display name, bio and skills, for the directory's {@code q}
 * @param revision   incremented by every change; each change is a compare-and-set on it
 */
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
        String bio,
        List<String> skills,
        List<String> programs,
        String availability,
        ProfileVisibility profileVisibility,
        String searchText,
        Long revision,
        Boolean erased,
        Instant erasedAt,
        List<OutboxEntry> outbox) {

    public Member {
        chapters = chapters == null ? List.of() : List.copyOf(chapters);
        networkRoles = networkRoles == null ? Set.of() : Set.copyOf(networkRoles);
        skills = skills == null ? List.of() : List.copyOf(skills);
        programs = programs == null ? List.of() : List.copyOf(programs);
        profileVisibility = profileVisibility == null ? ProfileVisibility.CHAPTER : profileVisibility;
        revision = revision == null ? 0L : revision;
        erased = erased != null && erased;
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
    }

    Member withChapters(List<ChapterRole> newChapters) {
        return new Member(id, email, passwordHash, displayName, homeChapterId, newChapters, networkRoles, createdAt,
                bio, skills, programs, availability, profileVisibility, searchText, revision, erased, erasedAt,
                outbox);
    }

    Member withOutbox(List<OutboxEntry> events) {
        return new Member(id, email, passwordHash, displayName, homeChapterId, chapters, networkRoles, createdAt,
                bio, skills, programs, availability, profileVisibility, searchText, revision, erased, erasedAt,
                events);
    }

    public Map<String, String> chapterRoles() {
        return chapters.stream().collect(Collectors.toUnmodifiableMap(ChapterRole::chapterId, ChapterRole::role));
    }

    public List<String> chapterIds() {
        return chapters.stream().map(ChapterRole::chapterId).toList();
    }

    public boolean isMemberOf(String chapterId) {
        return chapters.stream().anyMatch(c -> c.chapterId().equals(chapterId));
    }

    public boolean isErased() {
        return erased;
    }
}
