package io.openwaas.platform.api;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ListPagingTest {

    private static final List<Integer> ALL = IntStream.range(0, 12).boxed().toList();

    @Test
    void forwardThenBackwardCoversEveryItemOnce() {
        List<Integer> forward = new ArrayList<>();
        String after = "";
        List<String> befores = new ArrayList<>();
        do {
            Page<Integer> p = ListPaging.page(ALL, PageRequest.parse("5", null, after));
            assertEquals(12, p.pagination().totalCount());
            forward.addAll(p.data());
            befores.add(p.pagination().before());
            after = p.pagination().after();
        } while (!after.isEmpty());
        assertEquals(ALL, forward);
        assertEquals("", befores.get(0));

        Page<Integer> last = ListPaging.page(ALL, PageRequest.parse("5", null, PageRequest.cursor(10)));
        assertEquals(List.of(10, 11), last.data());
        assertEquals("", last.pagination().after());
        List<Integer> backward = new ArrayList<>(last.data());
        String before = last.pagination().before();
        while (!before.isEmpty()) {
            Page<Integer> p = ListPaging.page(ALL, PageRequest.parse("5", before, null));
            List<Integer> merged = new ArrayList<>(p.data());
            merged.addAll(backward);
            backward = merged;
            before = p.pagination().before();
        }
        assertEquals(ALL, backward);
    }

    @Test
    void emptyAndOutOfRangeCursors() {
        Page<Integer> empty = ListPaging.page(List.<Integer>of(), PageRequest.parse(null, null, null));
        assertEquals(List.of(), empty.data());
        assertEquals("", empty.pagination().before());
        assertEquals("", empty.pagination().after());
        assertEquals(List.of(), ListPaging.page(ALL, PageRequest.parse(null, null, PageRequest.cursor(99))).data());
        assertEquals(List.of(), ListPaging.page(ALL, PageRequest.parse(null, PageRequest.cursor(0), null)).data());
    }
}
