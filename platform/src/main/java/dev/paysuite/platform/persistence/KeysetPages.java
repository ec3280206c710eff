package dev.paysuite.platform.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The one way lists page in this API: newest first by {@code createdAt}, then {@code id}, with a
 * cursor (the objects after or before one object) or an offset. One more row than asked is read
 * to tell whether more lie beyond the page. Entities must have {@code createdAt} and {@code id}.
 */
public final class KeysetPages {

    /** Where a page starts: exactly one of the three. */
    public sealed interface Page {
        int limit();

        record FromOffset(int offset, int limit) implements Page {
        }

        /** Older than the cursor object. */
        record After(Instant cursorCreatedAt, String cursorId, int limit) implements Page {
        }

        /** Newer than the cursor object (the page just before it). */
        record Before(Instant cursorCreatedAt, String cursorId, int limit) implements Page {
        }
    }

    /** @param items newest first; @param hasMore whether more lie beyond in the direction of pagination */
    public record Slice<T>(List<T> items, boolean hasMore) {
    }

    private KeysetPages() {
    }

    /** Runs {@code where} (with its named {@code params}) for one page. */
    public static <E> Slice<E> fetch(PanacheRepositoryBase<E, ?> repository, String where, Parameters params,
            Page page) {
        StringBuilder query = new StringBuilder(where);
        if (page instanceof Page.After after) {
            query.append(" and (createdAt < :cursorAt or (createdAt = :cursorAt and id < :cursorId))");
            params.and("cursorAt", after.cursorCreatedAt()).and("cursorId", after.cursorId());
        } else if (page instanceof Page.Before before) {
            query.append(" and (createdAt > :cursorAt or (createdAt = :cursorAt and id > :cursorId))");
            params.and("cursorAt", before.cursorCreatedAt()).and("cursorId", before.cursorId());
        }
        boolean backwards = page instanceof Page.Before;
        Sort.Direction direction = backwards ? Sort.Direction.Ascending : Sort.Direction.Descending;
        int offset = page instanceof Page.FromOffset fromOffset ? fromOffset.offset() : 0;
        List<E> rows = repository.find(query.toString(), Sort.by("createdAt", direction).and("id", direction), params)
                .range(offset, offset + page.limit()).list();
        boolean hasMore = rows.size() > page.limit();
        List<E> items = new ArrayList<>(rows.subList(0, Math.min(rows.size(), page.limit())));
        if (backwards) {
            Collections.reverse(items);
        }
        return new Slice<>(items, hasMore);
    }
}
