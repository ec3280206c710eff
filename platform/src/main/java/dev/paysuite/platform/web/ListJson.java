package dev.paysuite.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.paysuite.kernel.page.Page;
import java.util.List;
import java.util.function.Function;

/** How every list answers: {@code object: "list"}, the URL, one page of objects and how to get the next. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ListJson<T>(String object, String url, List<T> data, boolean hasMore, String nextCursor,
        long totalCount) {

    public static <D, T> ListJson<T> of(String url, Page<D> page, Function<? super D, ? extends T> json) {
        Page<T> shown = page.map(json);
        return new ListJson<>("list", url, shown.data(), shown.hasMore(), shown.nextCursor(), shown.totalCount());
    }
}
