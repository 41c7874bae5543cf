package io.openwaas.platform.api;

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

    /** Like {@link #uuid} but null for an absent or empty value. */
    public static UUID optionalUuid(String parameter, String value) {
        return value == null || value.isEmpty() ? null : uuid(parameter, value);
    }
}
