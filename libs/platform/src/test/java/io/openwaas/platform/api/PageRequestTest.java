package io.openwaas.platform.api;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PageRequestTest {

    @Test
    void defaultsAndCursors() {
        PageRequest p = PageRequest.parse(null, null, "");
        assertEquals(10, p.limit());
        assertNull(p.after());
        assertEquals(42L, PageRequest.parse("50", null, PageRequest.cursor(42)).after());
        assertEquals(7L, PageRequest.parse("1", PageRequest.cursor(7), null).before());
    }

    @Test
    void rejectsOutOfRangeLimitsForeignCursorsAndBothDirections() {
        for (String bad : new String[] {"0", "51", "-3", "ten", "2.0"}) {
            ApiException e = assertThrows(ApiException.class, () -> PageRequest.parse(bad, null, null));
            assertEquals(400, e.httpStatus());
        }
        assertThrows(ApiException.class, () -> PageRequest.parse(null, "garbage!", null));
        assertThrows(ApiException.class, () -> PageRequest.parse(null, null, "eDE6MQ"));
        assertThrows(ApiException.class,
                () -> PageRequest.parse(null, PageRequest.cursor(1), PageRequest.cursor(2)));
    }
}
