package io.openwaas.platform.json;

import io.openwaas.platform.api.ApiException;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Enums whose wire spelling differs from the Java constant (e.g. {@code Org-Controlled}): each constant carries its
 * spelling once, in {@code @JsonProperty}, which Jackson and {@link #wire()} both read.
 */
public interface WireEnum {

    /** The constant's wire spelling. */
    default String wire() {
        return JsonNames.of((Enum<?>) this);
    }

    /** Parses a query-parameter value; an unknown value is a 400 that lists the allowed ones. */
    static <E extends Enum<E> & WireEnum> E parse(Class<E> type, String parameter, String value) {
        for (E e : type.getEnumConstants()) {
            if (e.wire().equals(value)) {
                return e;
            }
        }
        throw ApiException.invalid(parameter, "'" + value + "' is not one of "
                + Arrays.stream(type.getEnumConstants()).map(WireEnum::wire).collect(Collectors.joining(", ")));
    }

    /** Like {@link #parse} but null for an absent or empty value. */
    static <E extends Enum<E> & WireEnum> E parseOptional(Class<E> type, String parameter, String value) {
        return value == null || value.isEmpty() ? null : parse(type, parameter, value);
    }
}
