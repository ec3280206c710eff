package dev.paysuite.kernel.page;

import java.util.List;
import java.util.function.Function;

/**
 * What a persistence adapter answers for a {@link PageRequest}.
 *
 * @param items newest first, whatever the direction of the request
 * @param hasMore whether more objects lie beyond this slice in the direction of the request
 */
public record Slice<T>(List<T> items, boolean hasMore) {
    public Slice {
        items = List.copyOf(items);
    }

    public <R> Slice<R> map(Function<? super T, ? extends R> f) {
        return new Slice<>(items.stream().<R> map(f).toList(), hasMore);
    }
}
