package dev.paysuite.kernel.page;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, as every list answers it.
 *
 * @param hasMore whether more objects follow in the direction of pagination
 * @param nextCursor the id to pass as starting-after cursor for the next, older page; null when there is none
 * @param totalCount how many objects match the list's filters, across all pages
 */
public record Page<T>(List<T> data, boolean hasMore, String nextCursor, long totalCount) {
    public Page {
        data = List.copyOf(data);
    }

    /** The page a slice makes: older objects lie beyond its last one when it says so, or always when paging backwards. */
    public static <T extends Listable> Page<T> of(PageRequest request, Slice<T> slice, long totalCount) {
        List<T> items = slice.items();
        boolean olderExist = request instanceof PageRequest.Before ? !items.isEmpty() : slice.hasMore();
        String next = olderExist && !items.isEmpty() ? items.get(items.size() - 1).id().value() : null;
        return new Page<>(items, slice.hasMore(), next, totalCount);
    }

    public <R> Page<R> map(Function<? super T, ? extends R> f) {
        return new Page<>(data.stream().<R> map(f).toList(), hasMore, nextCursor, totalCount);
    }
}
