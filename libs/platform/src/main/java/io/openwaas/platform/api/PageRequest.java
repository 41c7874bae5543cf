package io.openwaas.platform.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Cursor pagination parameters (reference §2.3): {@code limit} 1–50 (default 10), and at most one of {@code before}
 * / {@code after}. Cursors are opaque to clients: URL-safe base64 of a position in the list's stable order (an
 * internal, monotonically increasing sequence number), so ids of other organisations never leak through them.
 *
 * @param limit  page size
 * @param after  exclusive lower bound of the positions to return, or null
 * @param before exclusive upper bound of the positions to return, or null
 */
public record PageRequest(int limit, Long after, Long before) {

    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 50;
    private static final String PREFIX = "p1:";

    /** Parses the raw query values; any problem is a 400 naming the parameter. */
    public static PageRequest parse(String limit, String before, String after) {
        return parse(limit, before, after, MAX_LIMIT);
    }

    public static PageRequest parse(String limit, String before, String after, int maxLimit) {
        int size = DEFAULT_LIMIT;
        if (limit != null && !limit.isEmpty()) {
            try {
                size = Integer.parseInt(limit);
            } catch (NumberFormatException e) {
                throw ApiException.invalid("limit", "must be an integer from 1 to " + maxLimit);
            }
            if (size < 1 || size > maxLimit) {
                throw ApiException.invalid("limit", "must be an integer from 1 to " + maxLimit);
            }
        }
        Long b = decode("before", before);
        Long a = decode("after", after);
        if (a != null && b != null) {
            throw ApiException.invalid("before", "give at most one of before and after");
        }
        return new PageRequest(size, a, b);
    }

    public boolean backwards() {
        return before != null;
    }

    /** The opaque cursor of a position. */
    public static String cursor(long position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + position).getBytes(StandardCharsets.US_ASCII));
    }

    private static Long decode(String name, String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (!text.startsWith(PREFIX)) {
                throw new IllegalArgumentException();
            }
            long position = Long.parseLong(text.substring(PREFIX.length()));
            if (position < 0) {
                throw new IllegalArgumentException();
            }
            return position;
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(name, "not a cursor returned by this API");
        }
    }
}
