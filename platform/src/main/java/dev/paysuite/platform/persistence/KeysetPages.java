package dev.paysuite.platform.persistence;

import dev.paysuite.kernel.page.PageRequest;
import dev.paysuite.kernel.page.Slice;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The one way lists page in this API, for the kernel's {@link PageRequest}: newest first by
 * {@code createdAt}, then {@code id}, with a cursor (the objects after or before one object) or an
 * offset. One more row than asked is read to tell whether more lie beyond the page. Entities must
 * have {@code createdAt} and {@code id}.
 */
public final class KeysetPages {

    private KeysetPages() {
    }

    /** Runs {@code where} (with its named {@code params}) for one page; rows come back newest first. */
    public static <E> Slice<E> fetch(PanacheRepositoryBase<E, ?> repository, String where, Parameters params,
            PageRequest page) {
        StringBuilder query = new StringBuilder(where.isBlank() ? "1 = 1" : where);
        if (page instanceof PageRequest.After after) {
            query.append(" and (createdAt < :cursorAt or (createdAt = :cursorAt and id < :cursorId))");
            params.and("cursorAt", after.cursorCreatedAt()).and("cursorId", after.cursorId());
        } else if (page instanceof PageRequest.Before before) {
            query.append(" and (createdAt > :cursorAt or (createdAt = :cursorAt and id > :cursorId))");
            params.and("cursorAt", before.cursorCreatedAt()).and("cursorId", before.cursorId());
        }
        boolean backwards = page instanceof PageRequest.Before;
        Sort.Direction direction = backwards ? Sort.Direction.Ascending : Sort.Direction.Descending;
        int offset = page instanceof PageRequest.FromOffset fromOffset ? fromOffset.offset() : 0;
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
