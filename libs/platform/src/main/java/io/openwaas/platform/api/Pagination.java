package io.openwaas.platform.api;

/**
 * The pagination object of every list (reference §2.3): cursors are {@code ""} when there is no page in that
 * direction, never null.
 */
public record Pagination(String before, String after, int totalCount) {
}
