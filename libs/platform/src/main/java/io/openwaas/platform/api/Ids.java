package io.openwaas.platform.api;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Parsing of client-given identifiers. */
public final class Ids {

    private Ids() {
    }

    /** A UUID parameter; a malformed one is a 400 naming the parameter. */
    public static UUID uuid(String parameter, String value) {
        if (value == null || value.isEmpty()) {
            throw ApiException.missing(parameter);
        }
        try {
            UUID id = UUID.fromString(value);
            if (!id.toString().equalsIgnoreCase(value)) {
                throw new IllegalArgumentException();
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(parameter, "must be a UUID");
        }
    }

    /**
     * A comma-separated list parameter: items trimmed, empty ones dropped, an absent value is an empty list; more than
     * {@code max} items is a 400 naming the parameter (a filter's size is bounded before any query runs).
     */
    public static List<String> csv(String parameter, String value, int max) {
        if (value == null || value.isEmpty()) {
            return List.of();
        }
        List<String> items = Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (items.size() > max) {
            throw ApiException.invalid(parameter, "at most " + max + " values");
        }
        return items;
    }

    /** Like {@link #uuid} but null for an absent or empty value. */
    public static UUID optionalUuid(String parameter, String value) {
        return value == null || value.isEmpty() ? null : uuid(parameter, value);
    }
}
