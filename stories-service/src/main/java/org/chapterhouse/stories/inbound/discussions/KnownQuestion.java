package org.chapterhouse.stories.inbound.discussions;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What stories-service knows of a question, from discussions' events only (never from their store): enough to
 * promote its accepted answer. Either event may arrive first, so any field may still be missing. Ids only: no
 * names of anyone.
 *
 * @param acceptedAnswerId the answer accepted last, null while none is known
 */
@Document(AnsweredQuestions.COLLECTION)
public record KnownQuestion(@Id String id, String chapterId, String authorId, String title, List<String> tags,
                            String visibility, String acceptedAnswerId, String answerAuthorId, Instant acceptedAt) {

    public KnownQuestion {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** Both facts are known: what the question is, and which answer its asker accepted. */
    public boolean promotable() {
        return acceptedAnswerId != null && title != null && !tags.isEmpty() && chapterId != null;
    }
}
