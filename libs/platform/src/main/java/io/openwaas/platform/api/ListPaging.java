package io.openwaas.platform.api;

import java.util.List;

/**
 * Cursor pagination over a fixed, ordered list held in memory (e.g. the chain and token catalogue): an item's
 * position is its 1-based index, so cursors stay valid as long as the list does not change.
 */
public final class ListPaging {

    private ListPaging() {
    }

    public static <T> Page<T> page(List<T> all, PageRequest request) {
        int n = all.size();
        int from;
        int to;
        if (request.backwards()) {
            to = (int) Math.max(0, Math.min(request.before() - 1, n));
            from = Math.max(0, to - request.limit());
        } else {
            from = request.after() == null ? 0 : (int) Math.min(request.after(), n);
            to = Math.min(n, from + request.limit());
        }
        List<T> items = List.copyOf(all.subList(from, to));
        boolean any = !items.isEmpty();
        return new Page<>(items, new Pagination(
                any && from > 0 ? PageRequest.cursor(from + 1L) : "",
                any && to < n ? PageRequest.cursor(to) : "",
                n));
    }
}
